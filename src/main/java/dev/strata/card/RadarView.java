package dev.strata.card;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Each RM's radar held in memory once read, so a radar page is a sort of a few hundred entries instead of a scan of
 * every card visitor (the embedded store answers only {@code _id} and unique indexes without one). This instance's
 * visits update it as they are stored; it is re-read after {@link #MAX_AGE} for what other instances stored.
 */
@Component
class RadarView {

    static final Duration MAX_AGE = Duration.ofSeconds(30);
    static final Comparator<CardVisitorEntry> NEWEST_FIRST = Comparator.comparing(CardVisitorEntry::lastVisitAt)
            .thenComparing(CardVisitorEntry::id).reversed();

    private final MongoTemplate mongo;
    private final Map<String, Loaded> byManager = new ConcurrentHashMap<>();

    private record Loaded(Map<String, CardVisitorEntry> entries, long loadedAt) {
    }

    RadarView(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The RM's visitors, newest visit first (a new list the caller owns). */
    List<CardVisitorEntry> of(String managerCode) {
        Loaded loaded = byManager.get(managerCode);
        if (loaded == null || System.currentTimeMillis() - loaded.loadedAt() > MAX_AGE.toMillis()) {
            Map<String, CardVisitorEntry> entries = new ConcurrentHashMap<>();
            mongo.find(Query.query(Criteria.where("managerCode").is(managerCode)), CardVisitorEntry.class)
                    .forEach(e -> entries.put(e.id(), e));
            loaded = new Loaded(entries, System.currentTimeMillis());
            byManager.put(managerCode, loaded);
        }
        List<CardVisitorEntry> sorted = new ArrayList<>(loaded.entries().values());
        sorted.sort(NEWEST_FIRST);
        return sorted;
    }

    /** An entry as just stored; kept only when the RM's radar is already held (else the next read loads it). */
    void stored(CardVisitorEntry entry) {
        Loaded loaded = entry == null ? null : byManager.get(entry.managerCode());
        if (loaded != null) {
            loaded.entries().merge(entry.id(), entry, (old, fresh) -> fresh.visits() >= old.visits() ? fresh : old);
        }
    }

    /** Whether this instance holds the RM's radar in memory (so their stored entries should be passed to it). */
    boolean holds(String managerCode) {
        return byManager.containsKey(managerCode);
    }

    /** Drops an RM's held radar (its entries moved in the store). */
    void forget(String managerCode) {
        byManager.remove(managerCode);
    }
}
