package dev.strata.graphql;

import java.util.ArrayList;
import java.util.List;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.parser.ParserOptions;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Bounds every request at the HTTP edge of GraphQL: the parser stops at the document limits, the answer
 * leaves at the deadline whatever is still running, and no response carries more or longer errors than
 * allowed, so echoed input can never amplify a request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class RequestGuardInterceptor implements WebGraphQlInterceptor {

    private final GraphQlLimits limits;
    private final ParserOptions parserOptions;

    RequestGuardInterceptor(GraphQlLimits limits) {
        this.limits = limits;
        this.parserOptions = ParserOptions.getDefaultOperationParserOptions().transform(options -> options
                .maxCharacters(limits.maxCharacters()).maxTokens(limits.maxTokens())
                .maxWhitespaceTokens(limits.maxTokens() * 4));
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        request.configureExecutionInput((input, builder) -> builder
                .graphQLContext(context -> context.put(ParserOptions.class, parserOptions)).build());
        return chain.next(request)
                .timeout(limits.requestTimeout(), Mono.fromSupplier(() -> timedOut(request)))
                .map(this::bounded);
    }

    private WebGraphQlResponse timedOut(WebGraphQlRequest request) {
        ExecutionResult result = ExecutionResult.newExecutionResult()
                .addError(GraphQlErrors.timedOut(limits.requestTimeout())).build();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
    }

    private WebGraphQlResponse bounded(WebGraphQlResponse response) {
        List<GraphQLError> errors = response.getExecutionResult().getErrors();
        boolean tooMany = errors.size() > limits.maxErrors();
        boolean tooLong = errors.stream().anyMatch(e -> e.getMessage() != null
                && e.getMessage().length() > limits.maxMessageLength());
        if (!tooMany && !tooLong) {
            return response;
        }
        List<GraphQLError> kept = new ArrayList<>();
        for (GraphQLError error : errors.subList(0, Math.min(errors.size(), limits.maxErrors()))) {
            kept.add(shortened(error));
        }
        if (tooMany) {
            kept.add(GraphqlErrorBuilder.newError().message((errors.size() - limits.maxErrors())
                    + " more errors left out").build());
        }
        return response.transform(builder -> builder.errors(kept));
    }

    private GraphQLError shortened(GraphQLError error) {
        String message = error.getMessage();
        if (message == null || message.length() <= limits.maxMessageLength()) {
            return error;
        }
        return GraphqlErrorBuilder.newError().message(message.substring(0, limits.maxMessageLength()) + "…")
                .locations(error.getLocations()).path(error.getPath()).errorType(error.getErrorType())
                .extensions(error.getExtensions()).build();
    }
}
