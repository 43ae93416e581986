package dev.strata.campaign;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import dev.strata.shared.Channel;
import org.bson.Document;
import org.springframework.data.mongodb.core.query.Update;

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
        put(d, "campaignId", e.campaignId());
        put(d, "customerId", e.customerId());
        d.put("control", e.control());
        put(d, "state", e.state());
        put(d, "stepKey", e.stepKey());
        d.put("stepSeq", e.stepSeq());
        put(d, "dueAt", e.dueAt());
        put(d, "enrolledAt", e.enrolledAt());
        put(d, "endedAt", e.endedAt());
        put(d, "waitUntil", e.waitUntil());
        d.put("responseRank", e.responseRank());
        put(d, "responseChannel", e.responseChannel());
        put(d, "answeredChannel", e.answeredChannel());
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
        put(d, "touchpointId", m.touchpointId());
        put(d, "customerId", m.customerId());
        put(d, "campaignId", m.campaignId());
        put(d, "stepKey", m.stepKey());
        put(d, "variant", m.variant());
        put(d, "channel", m.channel());
        put(d, "text", m.text());
        put(d, "trackingToken", m.trackingToken());
        put(d, "createdAt", m.createdAt());
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

    private static void put(Document d, String field, Object value) {
        if (value != null) {
            d.put(field, plain(value));
        }
    }

    private static Object plain(Object value) {
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Instant) {
            return value;
        }
        if (value instanceof Map<?, ?>) {
            throw new IllegalArgumentException("nested values are not runner fields");
        }
        throw new IllegalArgumentException("unexpected value type " + value.getClass().getSimpleName());
    }
}
