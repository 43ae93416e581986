package dev.strata.audit;

import java.time.Instant;

import dev.strata.graphql.NodeEntity;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One security-relevant event: who did what to whom, and which field when a sensitive value was read. */
@Document("audit_log")
public record AuditEntry(@Id String id, String actor, String action, String target, String field, Instant at)
        implements NodeEntity {
}
