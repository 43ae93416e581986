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
import java.util.function.Consumer;
import java.util.function.Function;

import dev.strata.audience.AudienceEvent;
import dev.strata.audience.AudienceIndex;
import dev.strata.customer.Customer;
import dev.strata.customer.CustomerSeqs;
import dev.strata.customer.LiveCustomers;
import dev.strata.customer.StartupIndexPart;
import dev.strata.store.ReadAhead;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the audience index's per-day event counts in step with the stored events: the last horizon's events when the
 * index is built, each newly stored one at once, and (with a shared MongoDB) what other instances stored, by {@code recordedAt}.
 */
@Component
class EventIndexing implements StartupIndexPart {

    private static final Logger log = LoggerFactory.getLogger(EventIndexing.class);
    /** Events per batch read and counted: few sorted runs per day in the index, replies far under the wire limit. */
    private static final int CHUNK = 10_000;
    /** Customer IDs per catch-up lookup: bounded queries and replies. */
    private static final int LOOKUP_CHUNK = 100;
    /** Other instances' clocks and in-flight writes: re-read a little before the last catch-up (replays count once). */
    private static final Duration OVERLAP = Duration.ofSeconds(30);
    private static final String[] FIELDS = {"customerId", "type", "channel", "occurredAt"};

    private final MongoTemplate mongo;
    private final AudienceIndex index;
    private final LiveCustomers live;
    private final Clock clock;
    private final ZoneId zone;
    private volatile Instant caughtUpTo;

    EventIndexing(MongoTemplate mongo, AudienceIndex index, LiveCustomers live, Clock clock,
            @Value("${strata.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.mongo = mongo;
        this.index = index;
        this.live = live;
        this.clock = clock;
        this.zone = zone;
        // Catch-up starts from before the start-up build, which runs after this is made.
        this.caughtUpTo = clock.instant();
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

    /** The events of the index's horizon, placed by the seqs the customer build read: no customer lookups. */
    @Override
    public String build(AudienceIndex target, CustomerSeqs seqs) {
        Instant since = LocalDate.now(clock.withZone(zone)).minusDays(target.eventHorizonDays() - 1L).atStartOfDay(zone).toInstant();
        int read = stream(Filters.gte("occurredAt", Date.from(since)), target, stored -> seqs::seqOf);
        return read + " events since " + since;
    }

    /** Records events other instances stored since the last catch-up; overlaps count once. */
    void catchUp() {
        Instant now = clock.instant();
        int recorded = stream(Filters.gte("recordedAt", Date.from(caughtUpTo.minus(OVERLAP))), index, this::lookUpSeqs);
        caughtUpTo = now;
        log.debug("Audience event catch-up re-read {} events", recorded);
    }

    /**
     * Streams the matching events into the target: each batch is placed by seq (by {@code seqs}, given the batch) on
     * the reading thread while the one before is counted.
     */
    private int stream(Bson filter, AudienceIndex target, Function<List<Document>, Function<String, Integer>> seqs) {
        int[] read = new int[1];
        ReadAhead.forEachBatch((Consumer<Document> sink) -> {
            try (var events = mongo.getCollection(mongo.getCollectionName(Event.class)).find(filter)
                    .projection(Projections.include(FIELDS)).batchSize(CHUNK).cursor()) {
                events.forEachRemaining(sink::accept);
            }
        }, CHUNK, stored -> {
            read[0] += stored.size();
            return bySeq(stored, seqs.apply(stored));
        }, target::recordEvents);
        return read[0];
    }

    /** The live seqs of a batch's customers, following merges to the survivor, looked up in the store. */
    private Function<String, Integer> lookUpSeqs(List<Document> stored) {
        Set<String> ids = new LinkedHashSet<>();
        stored.forEach(event -> ids.add(event.getString("customerId")));
        ids.remove(null);
        List<String> all = new ArrayList<>(ids);
        Map<String, Long> seqs = new HashMap<>();
        for (int from = 0; from < all.size(); from += LOOKUP_CHUNK) {
            seqs.putAll(live.seqsUnscoped(all.subList(from, Math.min(all.size(), from + LOOKUP_CHUNK))));
        }
        return id -> {
            Long seq = seqs.get(id);
            return seq == null ? null : Math.toIntExact(seq);
        };
    }

    /** Stored events as the index counts them; events of customers with no seq are skipped. */
    private List<AudienceEvent> bySeq(List<Document> stored, Function<String, Integer> seqs) {
        List<AudienceEvent> events = new ArrayList<>(stored.size());
        for (Document event : stored) {
            String customerId = event.getString("customerId");
            Integer seq = customerId == null ? null : seqs.apply(customerId);
            if (seq != null && event.get("occurredAt") instanceof Date at) {
                events.add(new AudienceEvent(String.valueOf(event.get("_id")), seq, event.getString("type"),
                        event.getString("channel"), day(at.toInstant())));
            }
        }
        return events;
    }

    private int day(Instant at) {
        return Math.toIntExact(at.atZone(zone).toLocalDate().toEpochDay());
    }
}
