package dev.strata.graphql;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;

import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.ExecuteObjectInstrumentationContext;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentation;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionStrategyParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;

/**
 * The instrumentations in a chain, whose per-field hooks are skipped when no instrumentation in it implements
 * them: a page of 50 portraits completes thousands of fields, and asking six instrumentations that do nothing
 * per field (and collecting their empty answers) at every one of them was a tenth of the page's CPU.
 */
final class LeanInstrumentationChain extends ChainedInstrumentation {

    private static final Set<Class<?>> DO_NOTHING = Set.of(Instrumentation.class, SimplePerformantInstrumentation.class,
            SimpleInstrumentation.class);

    private final boolean fieldExecution;
    private final boolean fieldFetching;
    private final boolean fieldCompletion;
    private final boolean fieldListCompletion;
    private final boolean executeObject;

    LeanInstrumentationChain(List<Instrumentation> instrumentations) {
        super(instrumentations);
        fieldExecution = anyImplements(instrumentations, "beginFieldExecution", InstrumentationFieldParameters.class);
        // the default beginFieldFetching calls beginFieldFetch
        fieldFetching = anyImplements(instrumentations, "beginFieldFetching", InstrumentationFieldFetchParameters.class)
                || anyImplements(instrumentations, "beginFieldFetch", InstrumentationFieldFetchParameters.class);
        fieldCompletion = anyImplements(instrumentations, "beginFieldCompletion", InstrumentationFieldCompleteParameters.class);
        fieldListCompletion = anyImplements(instrumentations, "beginFieldListCompletion", InstrumentationFieldCompleteParameters.class);
        executeObject = anyImplements(instrumentations, "beginExecuteObject", InstrumentationExecutionStrategyParameters.class);
    }

    /** Whether some instrumentation's class (or a superclass of it past the do-nothing bases) declares the hook. */
    static boolean anyImplements(List<Instrumentation> instrumentations, String hook, Class<?> parameters) {
        for (Instrumentation instrumentation : instrumentations) {
            try {
                Method method = instrumentation.getClass().getMethod(hook, parameters, InstrumentationState.class);
                if (!DO_NOTHING.contains(method.getDeclaringClass())) {
                    return true;
                }
            } catch (NoSuchMethodException e) {
                return true;   // a hook we cannot see: keep asking everyone
            }
        }
        return false;
    }

    @Override
    public InstrumentationContext<Object> beginFieldExecution(InstrumentationFieldParameters parameters, InstrumentationState state) {
        return fieldExecution ? super.beginFieldExecution(parameters, state) : null;
    }

    @Override
    public FieldFetchingInstrumentationContext beginFieldFetching(InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        return fieldFetching ? super.beginFieldFetching(parameters, state) : null;
    }

    @Override
    public InstrumentationContext<Object> beginFieldCompletion(InstrumentationFieldCompleteParameters parameters,
            InstrumentationState state) {
        return fieldCompletion ? super.beginFieldCompletion(parameters, state) : null;
    }

    @Override
    public InstrumentationContext<Object> beginFieldListCompletion(InstrumentationFieldCompleteParameters parameters,
            InstrumentationState state) {
        return fieldListCompletion ? super.beginFieldListCompletion(parameters, state) : null;
    }

    @Override
    public ExecuteObjectInstrumentationContext beginExecuteObject(InstrumentationExecutionStrategyParameters parameters,
            InstrumentationState state) {
        return executeObject ? super.beginExecuteObject(parameters, state) : null;
    }
}
