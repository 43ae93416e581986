package dev.strata.graphql;

/** A stored entity exposed as a Relay {@code Node}: its local ID becomes the global ID of its GraphQL type. */
public interface NodeEntity {
    String id();
}
