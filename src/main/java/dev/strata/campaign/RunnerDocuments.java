package dev.strata.campaign;

import java.time.Instant;
import java.util.Date;

import dev.strata.shared.Channel;
import dev.strata.store.StoredValues;
import org.bson.Document;
import org.springframework.data.mongodb.core.query.Update;

import static dev.strata.store.StoredValues.putIfPresent;

/**
 * The documents and updates the journey runner writes in bulk (enrollments, outbox messages, enrollment moves), built
 * as plain BSON exactly as the object mapping would store them: mapping every one of a batch's writes through Spring Data
 * cost about as much as the runner's own work. Kept equal to the mapping by a differential test.
 */
final class RunnerDocuments {

    private RunnerDocuments() {
    }

    static Document enrollment(Enrollment e) {
        Document d = new Document("_id", e.id());
        putIfPresent(d, "campaignId", e.campaignId());
        putIfPresent(d, "customerId", e.customerId());
        d.put("control", e.control());
        putIfPresent(d, "state", e.state());
        putIfPresent(d, "stepKey", e.stepKey());
        d.put("stepSeq", e.stepSeq());
        putIfPresent(d, "dueAt", e.dueAt());
        putIfPresent(d, "enrolledAt", e.enrolledAt());
        putIfPresent(d, "endedAt", e.endedAt());
        putIfPresent(d, "waitUntil", e.waitUntil());
        d.put("responseRank", e.responseRank());
        putIfPresent(d, "responseChannel", e.responseChannel());
        putIfPresent(d, "answeredChannel", e.answeredChannel());
        d.put("converted", e.converted());
        d.put("runs", e.runs());
        return d;
    }

    /** An enrollment read from its stored document, as the mapping reads it (absent numbers 0, flags false). */
    static Enrollment readEnrollment(Document d) {
        return new Enrollment(d.getString("_id"), d.getString("campaignId"), d.getString("customerId"), flag(d, "control"),
                named(d, "state", Enrollment.State.class), d.getString("stepKey"), number(d, "stepSeq"), instant(d, "dueAt"),
                instant(d, "enrolledAt"), instant(d, "endedAt"), instant(d, "waitUntil"), (int) number(d, "responseRank"),
                named(d, "responseChannel", Channel.class), named(d, "answeredChannel", Channel.class), flag(d, "converted"),
                (int) number(d, "runs"));
    }

    static Document outbox(OutboxSender.OutboxMessage m) {
        Document d = new Document("_id", m.id());
        putIfPresent(d, "touchpointId", m.touchpointId());
        putIfPresent(d, "customerId", m.customerId());
        putIfPresent(d, "campaignId", m.campaignId());
        putIfPresent(d, "stepKey", m.stepKey());
        putIfPresent(d, "variant", m.variant());
        putIfPresent(d, "channel", m.channel());
        putIfPresent(d, "text", m.text());
        putIfPresent(d, "trackingToken", m.trackingToken());
        putIfPresent(d, "createdAt", m.createdAt());
        return d;
    }

    /**
     * An update of top-level enrollment fields as the mapping sends it: enum values by name, instants and numbers as
     * they are. Only the operators the runner uses ({@code $set}, {@code $unset}) and plain values are expected.
     */
    static Document update(Update update) {
        Document mapped = new Document();
        update.getUpdateObject().forEach((operator, fields) -> {
            if (!"$set".equals(operator) && !"$unset".equals(operator)) {
                throw new IllegalArgumentException("not a runner update: " + operator);
            }
            Document values = new Document();
            ((Document) fields).forEach((field, value) -> values.put(field, "$unset".equals(operator) ? 1 : plain(value)));
            mapped.put(operator, values);
        });
        return mapped;
    }

    private static boolean flag(Document d, String field) {
        return Boolean.TRUE.equals(d.get(field));
    }

    private static long number(Document d, String field) {
        Object value = d.get(field);
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Instant instant(Document d, String field) {
        Object value = d.get(field);
        return value instanceof Date date ? date.toInstant() : (Instant) value;
    }

    private static <E extends Enum<E>> E named(Document d, String field, Class<E> type) {
        String value = d.getString(field);
        return value == null ? null : Enum.valueOf(type, value);
    }

    /** A top-level runner field's value in its stored form; anything the mapping would convert further is refused. */
    private static Object plain(Object value) {
        if (value == null || value instanceof Enum<?> || value instanceof String || value instanceof Number
                || value instanceof Boolean || value instanceof Instant) {
            return StoredValues.stored(value);
        }
        throw new IllegalArgumentException("unexpected value type " + value.getClass().getSimpleName());
    }
}
