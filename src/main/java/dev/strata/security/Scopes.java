package dev.strata.security;

import dev.strata.shared.Scope;
import graphql.GraphQLContext;

/** The data scope each role grants: the only place roles turn into which customers a caller sees. */
public final class Scopes {

    private Scopes() {
    }

    /** The widest scope any of the principal's roles grants. */
    public static Scope of(StrataPrincipal principal) {
        if (principal.has(Role.ADMIN) || principal.has(Role.MARKETER) || principal.has(Role.ANALYST)) {
            return Scope.ALL;
        }
        if (principal.has(Role.BRANCH_MANAGER) && principal.branchCode() != null) {
            return Scope.branch(principal.branchCode());
        }
        if (principal.has(Role.RELATIONSHIP_MANAGER) && principal.managerCode() != null) {
            return Scope.book(principal.managerCode());
        }
        if (principal.has(Role.SERVICE)) {
            return Scope.FEED;
        }
        return Scope.NONE;
    }

    /** The request's scope, worked out from the caller on first use and kept in the request's context. */
    public static Scope of(GraphQLContext request) {
        return request.computeIfAbsent(Scope.class, key -> Viewers.current().map(Scopes::of).orElse(Scope.NONE));
    }
}
