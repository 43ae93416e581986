package dev.strata.touchpoint;

import java.math.BigDecimal;
import java.time.Instant;

import dev.strata.shared.Channel;
import dev.strata.graphql.NodeEntity;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One contact with a customer on one channel (a campaign send or an RM's call or visit) and how it went. */
@Document("touchpoints")
public record Touchpoint(@Id String id, String customerId, String campaignId, String stepKey, Channel channel,
        TouchpointStatus status, String reason, ContactOutcome outcome, String note, String recordedBy,
        String trackingToken, Instant sentAt, Instant openedAt, Instant convertedAt, BigDecimal revenue,
        Instant createdAt) implements NodeEntity {
}
