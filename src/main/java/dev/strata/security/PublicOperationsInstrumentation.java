package dev.strata.security;

import java.util.Set;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLObjectType;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.stereotype.Component;

/** Refuses every root field not marked {@code @public} in the schema to a caller without a valid token (UNAUTHORIZED). */
@Component
class PublicOperationsInstrumentation extends SimplePerformantInstrumentation {

    private static final Set<String> ROOT_TYPES = Set.of("Query", "Mutation", "Subscription");

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        // Root fields are all controller methods; property reads below them need no check (nor the cost of one).
        if (parameters.isTrivialDataFetcher()) {
            return dataFetcher;
        }
        var environment = parameters.getEnvironment();
        String field = environment.getField().getName();
        if (!(environment.getParentType() instanceof GraphQLObjectType parent) || !ROOT_TYPES.contains(parent.getName())
                || field.startsWith("__") || environment.getFieldDefinition().hasAppliedDirective(PublicOperations.DIRECTIVE)) {
            return dataFetcher;
        }
        return env -> {
            if (Viewers.current().isEmpty()) {
                throw new AuthenticationCredentialsNotFoundException("No valid bearer token");
            }
            return dataFetcher.get(env);
        };
    }
}
