package dev.strata.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import dev.strata.balance.BalanceHistory;
import dev.strata.balance.BalanceMonth;
import dev.strata.customer.Customer;
import dev.strata.customer.CustomerWrites;
import dev.strata.customer.IdentityClaims;
import dev.strata.event.Event;
import dev.strata.event.EventHistory;
import dev.strata.label.Label;
import dev.strata.segment.Segment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Stores demo customers with what they did beside them (events into the store and the audience index, balance months),
 * in the background while the next batch is generated, and at the end the RULE labels and segments: stored last, so
 * their upkeep never meets a half-seeded book.
 */
@Component
class DemoHistory {

    private final MongoTemplate mongo;
    private final EventHistory events;
    private final BalanceHistory balances;
    private final CustomerWrites writes;
    private final IdentityClaims claims;

    DemoHistory(MongoTemplate mongo, EventHistory events, BalanceHistory balances, CustomerWrites writes,
            IdentityClaims claims) {
        this.writes = writes;
        this.claims = claims;
        this.mongo = mongo;
        this.events = events;
        this.balances = balances;
    }

    /** The RULE labels in definition order: one already stored under a demo key is used as it is, the others made. */
    List<Label> ruleLabels(List<Label> documents) {
        List<String> keys = documents.stream().map(Label::key).toList();
        Map<String, Label> stored = new HashMap<>();
        mongo.find(Query.query(Criteria.where("key").in(keys)), Label.class).forEach(l -> stored.put(l.key(), l));
        return documents.stream().map(l -> stored.getOrDefault(l.key(), l)).toList();
    }

    /** Stores the RULE labels and segments not stored yet. */
    void finish(List<Label> ruleLabels, List<Segment> segments) {
        insertMissing(ruleLabels, Label.class, Label::id);
        insertMissing(segments, Segment.class, Segment::id);
    }

    private <T> void insertMissing(List<T> documents, Class<T> type, java.util.function.Function<T, String> id) {
        Set<String> present = mongo.find(Query.query(Criteria.where("_id").in(documents.stream().map(id).toList())), type)
                .stream().map(id).collect(Collectors.toSet());
        List<T> missing = documents.stream().filter(d -> !present.contains(id.apply(d))).toList();
        if (!missing.isEmpty()) {
            mongo.insertAll(missing);
        }
    }

    /** A writer storing each batch on background threads while the caller generates the next. */
    Writer writer() {
        return new Writer();
    }

    /**
     * Stores a batch's customers (and claims their identities), events (counted in the index as stored) and balance
     * months at once, each on its own connection, since the store locks per collection; one batch is in flight at most.
     */
    final class Writer implements AutoCloseable {
        private final ExecutorService pool = Executors.newFixedThreadPool(3, runnable -> {
            Thread thread = new Thread(runnable, "demo-writer");
            thread.setDaemon(true);
            return thread;
        });
        private final List<Future<Integer>> inFlight = new ArrayList<>();
        private long eventCount;
        private long monthCount;

        /** Waits for the previous batch, then starts storing this one (the caller hands the lists over). */
        void store(List<DemoBehaviour.Enriched> batch) {
            await();
            List<Customer> customers = batch.stream().map(DemoBehaviour.Enriched::customer).toList();
            List<Event> newEvents = batch.stream().flatMap(e -> e.events().stream()).toList();
            List<BalanceMonth> months = batch.stream().flatMap(e -> e.months().stream()).toList();
            inFlight.add(pool.submit(() -> {
                writes.insert(customers);
                DemoDataSeeder.claimIdentities(claims, customers);
                return 0;
            }));
            inFlight.add(pool.submit(() -> {
                eventCount += events.load(newEvents, customers);
                return 0;
            }));
            inFlight.add(pool.submit(() -> {
                balances.load(months);
                monthCount += months.size();
                return 0;
            }));
        }

        private void await() {
            try {
                for (Future<Integer> write : inFlight) {
                    write.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Demo seeding interrupted", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
            } finally {
                inFlight.clear();
            }
        }

        long events() {
            return eventCount;
        }

        long months() {
            return monthCount;
        }

        /** Waits for the last batch. */
        @Override
        public void close() {
            try {
                await();
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
