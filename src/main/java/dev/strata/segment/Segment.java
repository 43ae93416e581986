package dev.strata.segment;

import java.time.Instant;
import java.util.List;

import dev.strata.graphql.NodeEntity;
import dev.strata.rule.SegmentRule;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A saved audience: a rule, evaluated live against the audience index in the scope of whoever reads it.
 *
 * @param references local IDs of the segments the rule names, so "who uses this segment" is one query
 * @param branchCode the branch of the branch manager who made it (they may change only their branch's), else null
 */
@Document("segments")
public record Segment(@Id String id, String name, String description, SegmentRule rule, @Indexed List<String> references,
        String branchCode, String createdBy, Instant createdAt, Instant updatedAt) implements NodeEntity {
}
