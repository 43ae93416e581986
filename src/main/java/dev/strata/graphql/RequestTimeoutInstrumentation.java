package dev.strata.graphql;

import java.time.Duration;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;

/**
 * Enforces a request's deadline inside the engine: the first fetch past it cancels the whole execution,
 * so no further field of any branch is resolved (the HTTP answer is sent at the deadline by
 * {@link RequestGuardInterceptor} even while a fetch is still running).
 */
class RequestTimeoutInstrumentation extends SimplePerformantInstrumentation {

    private final Duration timeout;

    RequestTimeoutInstrumentation(Duration timeout) {
        this.timeout = timeout;
    }

    /** The request's deadline, in {@link System#nanoTime()} terms. */
    private record Deadline(long nanos) implements InstrumentationState {
    }

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        return new Deadline(System.nanoTime() + timeout.toNanos());
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        // Property reads cost nothing; checking the deadline before every real fetch is enough.
        if (!(state instanceof Deadline deadline) || parameters.isTrivialDataFetcher()) {
            return dataFetcher;
        }
        var input = parameters.getExecutionContext().getExecutionInput();
        return environment -> {
            if (System.nanoTime() - deadline.nanos() > 0) {
                input.cancel();
                throw new RequestTimeoutException(timeout);
            }
            return dataFetcher.get(environment);
        };
    }

    /** Raised by the fetch that finds the deadline passed. */
    static class RequestTimeoutException extends RuntimeException {
        RequestTimeoutException(Duration timeout) {
            super("Request exceeded the time limit of " + timeout.toMillis() + " ms");
        }
    }
}
