package dev.strata.touchpoint;

import java.util.ArrayList;
import java.util.List;

import dev.strata.store.StoredValues;
import org.bson.Document;

import static dev.strata.store.StoredValues.putIfPresent;

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
        Document d = new Document("_id", StoredValues.id(t.id()));
        putIfPresent(d, "customerId", t.customerId());
        putIfPresent(d, "campaignId", t.campaignId());
        putIfPresent(d, "stepKey", t.stepKey());
        putIfPresent(d, "channel", t.channel());
        putIfPresent(d, "status", t.status());
        putIfPresent(d, "reason", t.reason());
        putIfPresent(d, "outcome", t.outcome());
        putIfPresent(d, "note", t.note());
        putIfPresent(d, "recordedBy", t.recordedBy());
        putIfPresent(d, "trackingToken", t.trackingToken());
        putIfPresent(d, "sentAt", t.sentAt());
        putIfPresent(d, "openedAt", t.openedAt());
        putIfPresent(d, "convertedAt", t.convertedAt());
        putIfPresent(d, "revenue", t.revenue());
        putIfPresent(d, "createdAt", t.createdAt());
        putIfPresent(d, "enrollmentId", t.enrollmentId());
        putIfPresent(d, "variant", t.variant());
        putIfPresent(d, "dedupKey", t.dedupKey());
        List<Document> history = new ArrayList<>(t.history().size());
        for (Touchpoint.StatusChange change : t.history()) {
            Document c = new Document();
            putIfPresent(c, "status", change.status());
            putIfPresent(c, "at", change.at());
            history.add(c);
        }
        d.put("history", history);
        putIfPresent(d, "unsubscribedAt", t.unsubscribedAt());
        return d;
    }
}
