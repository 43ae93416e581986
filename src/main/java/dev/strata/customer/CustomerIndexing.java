package dev.strata.customer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.strata.audience.AudienceIndex;
import dev.strata.store.ReadAhead;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Keeps the audience index in step with the stored customers: a full build before the service takes traffic,
 * then every change this instance makes, and (with a shared MongoDB) what other instances changed.
 */
@Component
class CustomerIndexing implements SmartInitializingSingleton {

    static final int CHUNK = 2000;
    /**
     * Ids per re-read: bounded queries and replies (the in-memory store now looks an {@code _id $in} up value by value,
     * so the size no longer costs its square).
     */
    static final int REREAD_CHUNK = 100;
    private static final Logger log = LoggerFactory.getLogger(CustomerIndexing.class);
    private static final List<String> INDEXED = List.of(AudienceRecords.FIELDS);
    /** Other instances' clocks and in-flight writes: re-read a little before the last catch-up. */
    private static final Duration OVERLAP = Duration.ofSeconds(30);

    private final MongoTemplate mongo;
    private final ProjectedCustomers customers;
    private final AudienceIndex index;
    private final Clock clock;
    private final ZoneId zone;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<StartupIndexPart> parts;
    private volatile Instant caughtUpTo = Instant.EPOCH;

    CustomerIndexing(MongoTemplate mongo, ProjectedCustomers customers, AudienceIndex index, Clock clock,
            @Value("${strata.time-zone:Asia/Shanghai}") ZoneId zone, ApplicationEventPublisher events,
            ObjectProvider<StartupIndexPart> parts) {
        this.mongo = mongo;
        this.customers = customers;
        this.index = index;
        this.clock = clock;
        this.zone = zone;
        this.events = events;
        this.parts = parts;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Instant startedAt = clock.instant();
        Built built = build(index);
        caughtUpTo = startedAt;
        log.info("Audience index built: {} customers in {} ms, then {} in {} ms", index.size(), built.customerMillis(),
                built.parts(), built.partMillis());
    }

    /** How long a build took for the customers and for the other parts, and what the other parts read. */
    record Built(long customerMillis, long partMillis, String parts) {
    }

    /**
     * Indexes every stored customer into the target, as a starting instance does (records are made while the next
     * customers are read), then has every other part add its own data given the customers' seqs.
     */
    Built build(AudienceIndex target) {
        long started = System.nanoTime();
        CustomerSeqs seqs = new CustomerSeqs();
        ReadAhead.forEachBatch((Consumer<Document> sink) -> customers.streamAll(AudienceRecords.READ, sink), CHUNK, batch -> {
            seqs.add(batch);
            return AudienceRecords.of(batch, zone);
        }, target::put);
        long customersDone = System.nanoTime();
        List<String> read = parts.orderedStream().map(part -> part.build(target, seqs)).toList();
        return new Built((customersDone - started) / 1_000_000, (System.nanoTime() - customersDone) / 1_000_000,
                String.join(", ", read));
    }

    /**
     * Indexes this instance's own writes at once: new customers from the documents as written, changed
     * ones by reading them back, unless the change wrote no indexed field (an event's place on the portrait).
     */
    @EventListener
    void onCustomersChanged(CustomersChanged event) {
        index.putNew(AudienceRecords.of(event.created(), zone));
        if (!event.touchesAny(INDEXED)) {
            return;
        }
        List<String> ids = event.customerIds();
        for (int from = 0; from < ids.size(); from += REREAD_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + REREAD_CHUNK));
            Query changed = withIndexedFields(Query.query(Criteria.where("_id").in(chunk)));
            index.put(AudienceRecords.of(mongo.find(changed, Document.class, collection()), zone));
        }
    }

    /**
     * A merge: the merged customer's counted events become the survivor's in the index (the event module re-points
     * the stored ones). Moving twice is harmless: the merged seq has none left.
     */
    @EventListener
    void onCustomersMerged(CustomersMerged merged) {
        Query both = Query.query(Criteria.where("_id").in(merged.mergedId(), merged.survivorId()));
        both.fields().include("seq");
        Integer from = null;
        Integer to = null;
        for (Document customer : mongo.find(both, Document.class, collection())) {
            int seq = Math.toIntExact(((Number) customer.get("seq")).longValue());
            if (merged.mergedId().equals(String.valueOf(customer.get("_id")))) {
                from = seq;
            } else {
                to = seq;
            }
        }
        if (from != null && to != null) {
            index.moveEvents(from, to);
        }
    }

    /** Catches up with writes made by other instances sharing the same MongoDB. */
    void catchUp() {
        Instant now = clock.instant();
        Query changed = Query.query(Criteria.where("updatedAt").gte(caughtUpTo.minus(OVERLAP)));
        List<Document> customers = mongo.find(withIndexedFields(changed), Document.class, collection());
        index.put(AudienceRecords.of(customers, zone));
        caughtUpTo = now;
        if (!customers.isEmpty()) {
            events.publishEvent(new CustomersCaughtUp(customers.stream().map(c -> c.get("_id").toString()).toList()));
        }
        log.debug("Audience catch-up re-read {} customers", customers.size());
    }

    private String collection() {
        return mongo.getCollectionName(Customer.class);
    }

    private static Query withIndexedFields(Query query) {
        AudienceRecords.READ.forEach(query.fields()::include);
        return query;
    }
}
