package dev.strata.graphql;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.graphql.observation.DefaultDataFetcherObservationConvention;
import org.springframework.graphql.observation.DefaultDataLoaderObservationConvention;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;

/**
 * Observes each request (timed per operation by {@link OperationMetrics}) but not each field: a page of 50
 * portraits runs hundreds of field fetchers, and observing every one (a timer, a context copy, a wrapped
 * environment each) cost more than the fields themselves.
 */
class RequestObservations extends GraphQlObservationInstrumentation {

    RequestObservations(ObservationRegistry registry, OperationMetrics operations) {
        super(registry, operations, new DefaultDataFetcherObservationConvention(), new DefaultDataLoaderObservationConvention());
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        return dataFetcher;
    }
}
