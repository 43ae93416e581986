package dev.strata.label;

import java.time.Instant;

import dev.strata.graphql.NodeEntity;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A tag customers can carry (e.g. "WeChat habit"); segments and campaigns select by it. */
@Document("labels")
public record Label(@Id String id, @Indexed(unique = true) String key, String name, String description,
        LabelCategory category, LabelKind kind, Instant createdAt, String createdBy) implements NodeEntity {
}
