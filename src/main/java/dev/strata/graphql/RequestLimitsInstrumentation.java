package dev.strata.graphql;

import graphql.ExecutionResult;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;

/**
 * Refuses an operation before any field runs when it has too many root fields or aliases, costs too much
 * (lists counted at their page size), or carries an argument string or list over its limit. Heavy operations
 * (admitted, but near the limit) take turns, with a rest between turns, so a few clients sending them cannot starve
 * everyone else.
 */
class RequestLimitsInstrumentation extends SimplePerformantInstrumentation {

    private final GraphQlLimits limits;
    private final HeavyTurns heavy;

    RequestLimitsInstrumentation(GraphQlLimits limits) {
        this.limits = limits;
        this.heavy = new HeavyTurns(limits.heavyConcurrency(), limits.heavyShare());
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
            InstrumentationState state) {
        ExecutionContext context = parameters.getExecutionContext();
        OperationCost cost = OperationCost.of(context.getNormalizedQueryTree().get(), context.getGraphQLSchema(),
                limits.maxStringLength(), limits.maxListLength());
        if (cost.rootFields() > limits.maxRootFields()) {
            throw refuse("maxRootFields", "at most " + limits.maxRootFields() + " root fields per operation");
        }
        if (cost.aliases() > limits.maxAliases()) {
            throw refuse("maxAliases", "at most " + limits.maxAliases() + " aliases per operation");
        }
        if (cost.cost() > limits.maxCost()) {
            throw refuse("maxCost", "operation cost " + cost.cost() + " is over the limit of " + limits.maxCost()
                    + " (a list counts as its page size)");
        }
        if (cost.overlongArgument() != null) {
            throw refuse("maxArgumentSize", cost.overlongArgument());
        }
        return cost.cost() >= limits.heavyCost() ? takeTurn() : null;
    }

    /** Waits for a heavy operation's turn (at most the request's deadline) and ends the turn when the operation ends. */
    private InstrumentationContext<ExecutionResult> takeTurn() {
        try {
            if (!heavy.take(limits.requestTimeout())) {
                throw new AbortExecutionException(java.util.List.of(GraphQlErrors.timedOut(limits.requestTimeout())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AbortExecutionException("interrupted");
        }
        long started = System.nanoTime();
        return SimpleInstrumentationContext.whenCompleted((result, error) -> heavy.end(System.nanoTime() - started));
    }

    private static AbortExecutionException refuse(String limit, String message) {
        return new AbortExecutionException(java.util.List.of(GraphQlErrors.refused(limit, message)));
    }
}
