package dev.strata.graphql;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindException;

/**
 * The one place exceptions become GraphQL errors: each known failure gets its classification and a
 * client-safe message; anything unexpected is logged and answered without internals.
 */
@Component
@Order(0)
class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

    static final ErrorClassification TIMEOUT = ErrorClassification.errorClassification("TIMEOUT");

    private static final Logger log = LoggerFactory.getLogger(GraphQlErrors.class);

    GraphQlErrors() {
        setThreadLocalContextAware(true);
    }

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof NotFoundException) {
            return error(env, ErrorType.NOT_FOUND, ex.getMessage());
        }
        if (ex instanceof BadRequestException) {
            return error(env, ErrorType.BAD_REQUEST, ex.getMessage());
        }
        if (ex instanceof ConstraintViolationException) {
            return error(env, ErrorType.BAD_REQUEST, "Invalid input: " + ex.getMessage());
        }
        if (ex instanceof BindException bind) {
            return error(env, ErrorType.BAD_REQUEST, "Invalid input: " + describe(bind));
        }
        if (ex instanceof AuthenticationException || (ex instanceof AccessDeniedException && isAnonymous())) {
            return error(env, ErrorType.UNAUTHORIZED, "Authentication required");
        }
        if (ex instanceof AccessDeniedException) {
            return error(env, ErrorType.FORBIDDEN, "Forbidden");
        }
        if (ex instanceof RequestTimeoutInstrumentation.RequestTimeoutException) {
            return error(env, TIMEOUT, ex.getMessage());
        }
        log.error("Unexpected error resolving {}", env.getExecutionStepInfo().getPath(), ex);
        return error(env, ErrorType.INTERNAL_ERROR, "Internal error");
    }

    /** A request refused by a limit before any work was done: BAD_REQUEST, naming the limit in {@code extensions.limit}. */
    static GraphQLError refused(String limit, String message) {
        return GraphqlErrorBuilder.newError().errorType(ErrorType.BAD_REQUEST).message("Refused: " + message)
                .extensions(java.util.Map.of("limit", limit)).build();
    }

    /** A persisted-query failure, in Apollo's shape: the code is the message and {@code extensions.code}. */
    static GraphQLError persistedQuery(String code, String message) {
        return GraphqlErrorBuilder.newError().errorType(ErrorType.BAD_REQUEST).message(message)
                .extensions(java.util.Map.of("code", code.equals("PersistedQueryNotFound") ? "PERSISTED_QUERY_NOT_FOUND" : code))
                .build();
    }

    /** The request ran past its hard deadline; outstanding fetches were cancelled. */
    static GraphQLError timedOut(java.time.Duration timeout) {
        return GraphqlErrorBuilder.newError().errorType(TIMEOUT)
                .message("Request exceeded the time limit of " + timeout.toMillis() + " ms").build();
    }

    private static boolean isAnonymous() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || new AuthenticationTrustResolverImpl().isAnonymous(authentication);
    }

    private static String describe(BindException e) {
        return e.getFieldErrors().stream().map(f -> f.getField() + ": " + f.getDefaultMessage())
                .reduce((a, b) -> a + "; " + b).orElse("malformed arguments");
    }

    private static GraphQLError error(DataFetchingEnvironment env, ErrorClassification type, String message) {
        return GraphqlErrorBuilder.newError(env).errorType(type).message(message).build();
    }
}
