package dev.strata.graphql;

import dev.strata.shared.Scope;

/**
 * How {@code Query.node} loads one entity type; each feature registers one for its types.
 * Implementations apply the viewer's access rules exactly as the type's own query does.
 */
public interface NodeFetcher {

    /** The GraphQL type name this fetcher loads. */
    String typeName();

    /** The entity, or null when it does not exist; throws AccessDeniedException when it is out of scope. */
    Object fetch(String localId, Scope scope);
}
