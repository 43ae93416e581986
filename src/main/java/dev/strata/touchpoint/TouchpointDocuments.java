package dev.strata.touchpoint;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/**
 * A touchpoint as plain BSON, exactly as the object mapping stores it (an ObjectId-shaped ID as an ObjectId, enums by
 * name, money as Decimal128, absent values left out): a batch of campaign touchpoints is inserted without mapping each
 * one through Spring Data. Kept equal to the mapping by a differential test.
 */
final class TouchpointDocuments {

    static final String COLLECTION = "touchpoints";

    private TouchpointDocuments() {
    }

    static Document of(Touchpoint t) {
        Document d = new Document("_id", ObjectId.isValid(t.id()) ? new ObjectId(t.id()) : t.id());
        put(d, "customerId", t.customerId());
        put(d, "campaignId", t.campaignId());
        put(d, "stepKey", t.stepKey());
        put(d, "channel", t.channel());
        put(d, "status", t.status());
        put(d, "reason", t.reason());
        put(d, "outcome", t.outcome());
        put(d, "note", t.note());
        put(d, "recordedBy", t.recordedBy());
        put(d, "trackingToken", t.trackingToken());
        put(d, "sentAt", t.sentAt());
        put(d, "openedAt", t.openedAt());
        put(d, "convertedAt", t.convertedAt());
        put(d, "revenue", t.revenue());
        put(d, "createdAt", t.createdAt());
        put(d, "enrollmentId", t.enrollmentId());
        put(d, "variant", t.variant());
        put(d, "dedupKey", t.dedupKey());
        List<Document> history = new ArrayList<>(t.history().size());
        for (Touchpoint.StatusChange change : t.history()) {
            Document c = new Document();
            put(c, "status", change.status());
            put(c, "at", change.at());
            history.add(c);
        }
        d.put("history", history);
        put(d, "unsubscribedAt", t.unsubscribedAt());
        return d;
    }

    private static void put(Document d, String field, Object value) {
        if (value instanceof Enum<?> e) {
            d.put(field, e.name());
        } else if (value instanceof BigDecimal money) {
            d.put(field, new Decimal128(money));
        } else if (value != null) {
            d.put(field, value);
        }
    }
}
