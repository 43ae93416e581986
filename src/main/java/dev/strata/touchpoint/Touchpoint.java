package dev.strata.touchpoint;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import dev.strata.shared.Channel;
import dev.strata.graphql.NodeEntity;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One contact with a customer on one channel (a campaign send or an RM's call or visit) and how it went.
 * {@code dedupKey} (unique) makes a journey step's send happen once however often a runner retries it;
 * {@code trackingToken} (unique) is how channels report responses without a scan.
 */
@Document("touchpoints")
public record Touchpoint(@Id String id, String customerId, String campaignId, String stepKey, Channel channel,
        TouchpointStatus status, String reason, ContactOutcome outcome, String note, String recordedBy,
        @Indexed(unique = true, sparse = true) String trackingToken, Instant sentAt, Instant openedAt,
        Instant convertedAt, BigDecimal revenue, Instant createdAt, String enrollmentId, String variant,
        @Indexed(unique = true, sparse = true) String dedupKey, List<StatusChange> history, Instant unsubscribedAt)
        implements NodeEntity {

    public Touchpoint {
        history = history == null ? List.of() : history;
    }

    /** A status the touchpoint reached, and when. */
    public record StatusChange(TouchpointStatus status, Instant at) {
    }

    /** A campaign's send (or its suppression) for one enrollment's step. */
    public static Touchpoint ofSend(String id, String customerId, String campaignId, String enrollmentId, String stepKey,
            String variant, Channel channel, TouchpointStatus status, String reason, String trackingToken,
            String dedupKey, Instant now) {
        return new Touchpoint(id, customerId, campaignId, stepKey, channel, status, reason, null, null, null,
                trackingToken, status == TouchpointStatus.SENT ? now : null, null, null, null, now, enrollmentId, variant,
                dedupKey, List.of(new StatusChange(status, now)), null);
    }

    /** The same touchpoint with another status (and reason), appended to its history. */
    public Touchpoint withStatus(TouchpointStatus next, String why, Instant at) {
        List<StatusChange> changes = new java.util.ArrayList<>(history);
        changes.add(new StatusChange(next, at));
        return new Touchpoint(id, customerId, campaignId, stepKey, channel, next, why, outcome, note, recordedBy,
                trackingToken, next == TouchpointStatus.SENT ? at : sentAt, openedAt, convertedAt, revenue, createdAt,
                enrollmentId, variant, dedupKey, changes, unsubscribedAt);
    }
}
