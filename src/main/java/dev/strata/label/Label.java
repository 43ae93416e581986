package dev.strata.label;

import java.time.Instant;
import java.util.List;

import dev.strata.graphql.NodeEntity;
import dev.strata.rule.SegmentRule;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A tag customers can carry (e.g. "WeChat habit"); segments and campaigns select by it. A RULE label
 * carries a rule and its members follow the data; {@code references} are the segments the rule names.
 */
@Document("labels")
public record Label(@Id String id, @Indexed(unique = true) String key, String name, String description,
        LabelCategory category, LabelKind kind, SegmentRule rule, @Indexed List<String> references, Instant createdAt,
        String createdBy) implements NodeEntity {

    public Label {
        references = references == null ? List.of() : references;
    }
}
