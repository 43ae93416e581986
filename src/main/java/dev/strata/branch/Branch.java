package dev.strata.branch;

import java.time.Instant;

import dev.strata.graphql.NodeEntity;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A bank branch, keyed by the core-banking branch code. */
@Document("branches")
public record Branch(@Id String code, String name, String city, Instant updatedAt) implements NodeEntity {

    @Override
    public String id() {
        return code;
    }
}
