package dev.strata.task;

import java.time.Instant;

import dev.strata.graphql.NodeEntity;
import dev.strata.touchpoint.ContactOutcome;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A follow-up an RM owes a customer (from a campaign step or a branch manager), closed with an outcome. */
@Document("tasks")
public record Task(@Id String id, String customerId, String managerCode, String title, String campaignId, Instant dueAt,
        TaskStatus status, ContactOutcome outcome, String note, Instant completedAt, String touchpointId,
        @Indexed(unique = true, sparse = true) String dedupKey, Instant createdAt) implements NodeEntity {

    /** Where a task stands. */
    public enum TaskStatus { OPEN, DONE, CANCELLED }
}
