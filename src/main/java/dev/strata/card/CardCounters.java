package dev.strata.card;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import jakarta.annotation.PreDestroy;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The card's visit counters (the card's total, the RM's day) counted in memory and written every 200 ms in one bulk
 * write per collection, instead of two store writes per visit; every read of them flushes first, so this instance
 * never reads a stale count.
 */
@Component
class CardCounters {

    private final MongoTemplate mongo;
    private volatile Pending pending = new Pending();

    private static final class Pending {
        final Map<String, LongAdder> cardVisits = new ConcurrentHashMap<>();
        final Map<String, LongAdder[]> days = new ConcurrentHashMap<>();
    }

    CardCounters(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void count(String managerCode, LocalDate day, boolean lead) {
        Pending current = pending;
        current.cardVisits.computeIfAbsent(managerCode, k -> new LongAdder()).increment();
        LongAdder[] counts = current.days.computeIfAbsent(CardDay.key(managerCode, day) + "|" + managerCode + "|" + day,
                k -> new LongAdder[] {new LongAdder(), new LongAdder()});
        counts[0].increment();
        if (lead) {
            counts[1].increment();
        }
    }

    /** Writes what was counted since the last flush. */
    @Scheduled(fixedDelay = 200)
    @PreDestroy
    synchronized void flush() {
        Pending done = pending;
        if (done.cardVisits.isEmpty()) {
            return;
        }
        pending = new Pending();
        BulkOperations cards = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, BusinessCard.class);
        done.cardVisits.forEach((code, n) -> cards.updateOne(Query.query(Criteria.where("_id").is(code)),
                new Update().inc("visitCount", n.sum())));
        cards.execute();
        BulkOperations days = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, CardDay.class);
        done.days.forEach((key, n) -> {
            String[] parts = key.split("\\|");
            Update update = new Update().inc("visits", n[0].sum()).setOnInsert("managerCode", parts[1])
                    .setOnInsert("day", LocalDate.parse(parts[2]));
            if (n[1].sum() > 0) {
                update.inc("leads", n[1].sum());
            }
            days.upsert(Query.query(Criteria.where("_id").is(parts[0])), update);
        });
        days.execute();
    }
}
