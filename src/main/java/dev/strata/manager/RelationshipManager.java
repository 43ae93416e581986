package dev.strata.manager;

import java.time.Instant;

import dev.strata.graphql.NodeEntity;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A relationship manager (客户经理), keyed by staff code; owns a book of customers. */
@Document("relationship_managers")
public record RelationshipManager(@Id String code, String name, String branchCode, String title, String phone,
        Instant updatedAt) implements NodeEntity {

    @Override
    public String id() {
        return code;
    }
}
