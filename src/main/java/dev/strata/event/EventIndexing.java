package dev.strata.event;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.strata.audience.AudienceEvent;
import dev.strata.audience.AudienceIndex;
import dev.strata.customer.Customer;
import dev.strata.customer.LiveCustomers;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Keeps the audience index's per-day event counts in step with the stored events: the last horizon's events at
 * start, each newly stored one at once, and (with a shared MongoDB) what other instances stored, by {@code recordedAt}.
 */
@Component
class EventIndexing implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(EventIndexing.class);
    private static final int CHUNK = 2000;
    /** Customer IDs per lookup: the embedded store's {@code $in} costs grow with the square of their size. */
    private static final int LOOKUP_CHUNK = 100;
    /** Other instances' clocks and in-flight writes: re-read a little before the last catch-up (replays count once). */
    private static final Duration OVERLAP = Duration.ofSeconds(30);
    private static final String[] FIELDS = {"customerId", "type", "channel", "occurredAt"};

    private final MongoTemplate mongo;
    private final AudienceIndex index;
    private final LiveCustomers live;
    private final Clock clock;
    private final ZoneId zone;
    private volatile Instant caughtUpTo = Instant.EPOCH;

    EventIndexing(MongoTemplate mongo, AudienceIndex index, LiveCustomers live, Clock clock,
            @Value("${strata.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.mongo = mongo;
        this.index = index;
        this.live = live;
        this.clock = clock;
        this.zone = zone;
    }

    /** Events just stored by this instance, whose customers' seqs the caller already knows. */
    void record(List<Event> inserted, Map<String, Customer> customersById) {
        Map<String, Long> seqs = new java.util.HashMap<>();
        customersById.forEach((id, customer) -> seqs.put(id, customer.seq()));
        recordBySeq(inserted, seqs);
    }

    /** Events just stored by this instance, given their customers' seqs. */
    void recordBySeq(List<Event> inserted, Map<String, Long> seqs) {
        List<AudienceEvent> events = new ArrayList<>(inserted.size());
        for (Event event : inserted) {
            Long seq = seqs.get(event.customerId());
            if (seq != null) {
                events.add(new AudienceEvent(event.id(), Math.toIntExact(seq), event.type(),
                        event.channel() == null ? null : event.channel().name(), day(event.occurredAt())));
            }
        }
        index.recordEvents(events);
    }

    @Override
    public void afterSingletonsInstantiated() {
        long started = System.nanoTime();
        Instant startedAt = clock.instant();
        Instant since = LocalDate.now(clock.withZone(zone)).minusDays(index.eventHorizonDays() - 1L).atStartOfDay(zone).toInstant();
        int recorded = stream(Query.query(Criteria.where("occurredAt").gte(since)));
        caughtUpTo = startedAt;
        log.info("Audience events indexed: {} events since {} in {} ms", recorded, since, (System.nanoTime() - started) / 1_000_000);
    }

    /** Records events other instances stored since the last catch-up; overlaps count once. */
    void catchUp() {
        Instant now = clock.instant();
        int recorded = stream(Query.query(Criteria.where("recordedAt").gte(caughtUpTo.minus(OVERLAP))));
        caughtUpTo = now;
        log.debug("Audience event catch-up re-read {} events", recorded);
    }

    private int stream(Query query) {
        query.fields().include(FIELDS);
        query.cursorBatchSize(CHUNK);
        List<Document> batch = new ArrayList<>(CHUNK);
        int[] read = new int[1];
        try (var events = mongo.stream(query, Document.class, mongo.getCollectionName(Event.class))) {
            events.forEach(event -> {
                batch.add(event);
                read[0]++;
                if (batch.size() == CHUNK) {
                    recordStored(batch);
                    batch.clear();
                }
            });
        }
        recordStored(batch);
        return read[0];
    }

    /** Stored events by their customers' seqs, following merges to the survivor; events of unknown customers are skipped. */
    private void recordStored(List<Document> stored) {
        Set<String> ids = new LinkedHashSet<>();
        stored.forEach(event -> ids.add(event.getString("customerId")));
        ids.remove(null);
        List<String> all = new ArrayList<>(ids);
        Map<String, Customer> customers = new HashMap<>();
        for (int from = 0; from < all.size(); from += LOOKUP_CHUNK) {
            customers.putAll(live.resolveUnscoped(all.subList(from, Math.min(all.size(), from + LOOKUP_CHUNK))));
        }
        List<AudienceEvent> events = new ArrayList<>(stored.size());
        for (Document event : stored) {
            Customer customer = customers.get(event.getString("customerId"));
            Object occurredAt = event.get("occurredAt");
            if (customer != null && occurredAt instanceof Date at) {
                events.add(new AudienceEvent(String.valueOf(event.get("_id")), Math.toIntExact(customer.seq()),
                        event.getString("type"), event.getString("channel"), day(at.toInstant())));
            }
        }
        index.recordEvents(events);
    }

    private int day(Instant at) {
        return Math.toIntExact(at.atZone(zone).toLocalDate().toEpochDay());
    }
}
