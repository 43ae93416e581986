package dev.strata.graphql;

import java.time.Duration;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;

/** Stops resolving fields once a request has run past its deadline, so one slow query cannot hold a thread forever. */
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
        return environment -> {
            if (System.nanoTime() - deadline.nanos() > 0) {
                throw new RequestTimeoutException(timeout);
            }
            return dataFetcher.get(environment);
        };
    }

    /** Raised for every field resolved after the deadline. */
    static class RequestTimeoutException extends RuntimeException {
        RequestTimeoutException(Duration timeout) {
            super("Request exceeded the time limit of " + timeout.toMillis() + " ms");
        }
    }
}
