package dev.strata.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentation;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The lean chain answers as graphql-java's own chain does, and still calls every per-field hook that is implemented. */
class LeanInstrumentationChainTests {

    private static final String QUERY = "{ items { a b nested { a } } light }";

    @Test
    void perFieldHooksThatSomeInstrumentationImplementsAreCalledAsTheFullChainCallsThem() {
        Recording viaFull = new Recording();
        Recording viaLean = new Recording();
        ExecutionResult full = run(new ChainedInstrumentation(List.of(new SimplePerformantInstrumentation(), viaFull,
                new SimpleInstrumentation())));
        ExecutionResult lean = run(new LeanInstrumentationChain(List.of(new SimplePerformantInstrumentation(), viaLean,
                new SimpleInstrumentation())));
        assertThat(lean.toSpecification()).isEqualTo(full.toSpecification());
        assertThat(viaLean.calls).isNotEmpty().containsExactlyInAnyOrderElementsOf(viaFull.calls);
    }

    @Test
    void aChainOfInstrumentationsThatDoNothingPerFieldAnswersTheSame() {
        List<Instrumentation> idle = List.of(new SimplePerformantInstrumentation(), new SimpleInstrumentation(),
                new RequestTimeoutInstrumentation(java.time.Duration.ofSeconds(5)));
        assertThat(run(new LeanInstrumentationChain(idle)).toSpecification())
                .isEqualTo(run(new ChainedInstrumentation(idle)).toSpecification());
        assertThat(LeanInstrumentationChain.anyImplements(idle, "beginFieldCompletion",
                InstrumentationFieldCompleteParameters.class)).isFalse();
        assertThat(LeanInstrumentationChain.anyImplements(List.of(new Recording()), "beginFieldCompletion",
                InstrumentationFieldCompleteParameters.class)).isTrue();
    }

    private static ExecutionResult run(Instrumentation instrumentation) {
        return GraphQL.newGraphQL(schema()).instrumentation(instrumentation).build().execute(QUERY);
    }

    private static GraphQLSchema schema() {
        return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(
                "type Query { items: [Item] light: String } type Item { a: String b: Int nested: Item }"),
                RuntimeWiring.newRuntimeWiring().type("Query", type -> type
                        .dataFetcher("light", env -> "ok")
                        .dataFetcher("items", env -> List.of(Map.of("a", "x", "b", 1, "nested", Map.of("a", "y")),
                                Map.of("a", "z", "b", 2)))).build());
    }

    /** Records the per-field hooks it implements, by hook and field path. */
    private static final class Recording extends SimplePerformantInstrumentation {
        final List<String> calls = new ArrayList<>();

        @Override
        public InstrumentationContext<Object> beginFieldExecution(InstrumentationFieldParameters parameters, InstrumentationState state) {
            calls.add("execution " + parameters.getExecutionStepInfo().getPath());
            return null;
        }

        @Override
        public InstrumentationContext<Object> beginFieldFetch(InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
            calls.add("fetch " + parameters.getExecutionStepInfo().getPath());
            return null;
        }

        @Override
        public InstrumentationContext<Object> beginFieldCompletion(InstrumentationFieldCompleteParameters parameters,
                InstrumentationState state) {
            calls.add("completion " + parameters.getExecutionStepInfo().getPath());
            return null;
        }

        @Override
        public InstrumentationContext<Object> beginFieldListCompletion(InstrumentationFieldCompleteParameters parameters,
                InstrumentationState state) {
            calls.add("list " + parameters.getExecutionStepInfo().getPath());
            return null;
        }
    }
}
