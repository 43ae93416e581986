package dev.strata.campaign;

import java.time.Instant;

import dev.strata.shared.Channel;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One customer's way through one campaign; the ID {@code campaignId:customerId} makes it one per pair.
 * {@code stepSeq} grows with every step taken: a schedule entry carrying an older one is stale, and a send's
 * dedup key carries it so a retried step never sends twice.
 */
@Document("enrollments")
record Enrollment(@Id String id, String campaignId, String customerId, boolean control, State state, String stepKey,
        long stepSeq, Instant dueAt, Instant enrolledAt, Instant endedAt, Instant waitUntil, int responseRank,
        Channel responseChannel, Channel answeredChannel, boolean converted, int runs) {

    /** Where an enrollment stands. */
    enum State { ACTIVE, WAITING_RESPONSE, DONE, CONTROL }

    static String idOf(String campaignId, String customerId) {
        return campaignId + ":" + customerId;
    }

    boolean ended() {
        return state == State.DONE || state == State.CONTROL;
    }
}
