package dev.strata.graphql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        Object requestId = request.getAttributes().getOrDefault(RequestIds.KEY, RequestIds.current());
        return chain.next(request)
                .timeout(limits.requestTimeout(), Mono.fromSupplier(() -> timedOut(request)))
                .map(response -> bounded(response, requestId == null ? null : requestId.toString()));
    }

    private WebGraphQlResponse timedOut(WebGraphQlRequest request) {
        ExecutionResult result = ExecutionResult.newExecutionResult()
                .addError(GraphQlErrors.timedOut(limits.requestTimeout())).build();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
    }

    /** At most maxErrors errors of at most maxMessageLength characters, each with the request id. */
    private WebGraphQlResponse bounded(WebGraphQlResponse response, String requestId) {
        List<GraphQLError> errors = response.getExecutionResult().getErrors();
        if (errors.isEmpty()) {
            return response;
        }
        List<GraphQLError> kept = new ArrayList<>();
        for (GraphQLError error : errors.subList(0, Math.min(errors.size(), limits.maxErrors()))) {
            kept.add(rebuilt(error, requestId));
        }
        if (errors.size() > limits.maxErrors()) {
            kept.add(rebuilt(GraphqlErrorBuilder.newError().message((errors.size() - limits.maxErrors())
                    + " more errors left out").build(), requestId));
        }
        return response.transform(builder -> builder.errors(kept));
    }

    private GraphQLError rebuilt(GraphQLError error, String requestId) {
        if (error.getErrorType() == graphql.ErrorType.ExecutionAborted && String.valueOf(error.getMessage()).contains("cancelled")) {
            error = GraphQlErrors.timedOut(limits.requestTimeout());   // cancelled at the deadline
        }
        String message = error.getMessage() == null ? "" : error.getMessage();
        if (message.length() > limits.maxMessageLength()) {
            message = message.substring(0, limits.maxMessageLength()) + "…";
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (error.getExtensions() != null) {
            extensions.putAll(error.getExtensions());
        }
        if (requestId != null) {
            extensions.put(RequestIds.KEY, requestId);
        }
        var builder = GraphqlErrorBuilder.newError().message(message).locations(error.getLocations()).extensions(extensions);
        if (error.getPath() != null) {
            builder.path(error.getPath());
        }
        if (error.getErrorType() != null) {
            builder.errorType(error.getErrorType());
        }
        return builder.build();
    }
}
