package dev.strata.customer;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.strata.audience.AudienceEvent;
import dev.strata.audience.AudienceIndex;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * For benchmarks: builds a fresh audience index from the stored customers and events as a starting instance does
 * (same fields, same records, events of the horizon), so its build time and heap can be measured beside a live one.
 */
public final class AudienceRebuild {

    private static final int CHUNK = 1000;

    private AudienceRebuild() {
    }

    /** Customers in ms, events in ms, and the index. */
    public record Rebuilt(AudienceIndex index, long customerMillis, long eventMillis, long events) {
    }

    public static Rebuilt rebuild(MongoTemplate mongo, Clock clock, ZoneId zone) {
        AudienceIndex index = new AudienceIndex(clock, zone);
        Map<String, Integer> seqs = new HashMap<>();
        long started = System.nanoTime();
        Query customers = new Query();
        customers.fields().include(AudienceRecords.FIELDS);
        customers.cursorBatchSize(CHUNK);
        List<Document> batch = new ArrayList<>(CHUNK);
        try (var stream = mongo.stream(customers, Document.class, CustomerDocuments.COLLECTION)) {
            stream.forEach(customer -> {
                batch.add(customer);
                if (batch.size() == CHUNK) {
                    index.put(AudienceRecords.of(batch, zone));
                    batch.forEach(c -> seqs.put(String.valueOf(c.get("_id")), ((Number) c.get("seq")).intValue()));
                    batch.clear();
                }
            });
        }
        index.put(AudienceRecords.of(batch, zone));
        batch.forEach(c -> seqs.put(String.valueOf(c.get("_id")), ((Number) c.get("seq")).intValue()));
        long customerMillis = (System.nanoTime() - started) / 1_000_000;
        started = System.nanoTime();
        var since = LocalDate.now(clock.withZone(zone)).minusDays(index.eventHorizonDays() - 1L).atStartOfDay(zone).toInstant();
        Query events = Query.query(Criteria.where("occurredAt").gte(since));
        events.fields().include("customerId", "type", "channel", "occurredAt");
        events.cursorBatchSize(CHUNK);
        List<AudienceEvent> recorded = new ArrayList<>(CHUNK);
        long[] count = new long[1];
        try (var stream = mongo.stream(events, Document.class, "events")) {
            stream.forEach(event -> {
                Integer seq = seqs.get(event.getString("customerId"));
                if (seq != null && event.get("occurredAt") instanceof Date at) {
                    recorded.add(new AudienceEvent(String.valueOf(event.get("_id")), seq, event.getString("type"),
                            event.getString("channel"), (int) at.toInstant().atZone(zone).toLocalDate().toEpochDay()));
                    count[0]++;
                }
                if (recorded.size() == CHUNK) {
                    index.recordEvents(recorded);
                    recorded.clear();
                }
            });
        }
        index.recordEvents(recorded);
        return new Rebuilt(index, customerMillis, (System.nanoTime() - started) / 1_000_000, count[0]);
    }
}
