package dev.strata.security;

import java.util.Optional;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;

/** Access to the authenticated caller from anywhere in the request. */
public final class Viewers {

    private Viewers() {
    }

    public static Optional<StrataPrincipal> current() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof StrataPrincipal principal) {
            return Optional.of(principal);
        }
        return Optional.empty();
    }

    /** The caller, who must be authenticated. */
    public static StrataPrincipal require() {
        return current().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("No valid bearer token"));
    }

    /** The caller of this GraphQL request, who must be authenticated; looked up once a request. */
    public static StrataPrincipal require(graphql.GraphQLContext request) {
        return request.computeIfAbsent(StrataPrincipal.class, key -> require());
    }

    /** The caller's username, or "anonymous" for public operations. */
    public static String name() {
        return current().map(StrataPrincipal::username).orElse("anonymous");
    }
}
