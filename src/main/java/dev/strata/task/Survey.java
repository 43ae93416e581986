package dev.strata.task;

import java.time.Instant;

import dev.strata.shared.Tier;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The satisfaction survey a completed contact earns, keyed by its unguessable token (so an answer is one {@code _id}
 * update); the RM and tier are those at the contact, so satisfaction is reported where the service was given.
 */
@Document("surveys")
public record Survey(@Id String token, @Indexed(unique = true) String touchpointId, String customerId, String managerCode,
        Tier tier, Instant issuedAt, Integer score, String comment, Instant answeredAt) {
}
