package dev.strata.event;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import dev.strata.graphql.Connection;
import dev.strata.graphql.Paging;
import org.springframework.stereotype.Component;

/**
 * Builds {@code Customer.events} pages for a whole list of customers at once: one query per distinct
 * page request instead of one per customer, and one count for all of them when totalCount is asked.
 */
@Component
class EventPages {

    /** One customer's page request. */
    record Key(String customerId, int first, String after) {
    }

    private final EventService events;

    EventPages(EventService events) {
        this.events = events;
    }

    Map<Key, Connection<Event>> load(Set<Key> keys) {
        Map<Key, Connection<Event>> pages = new HashMap<>();
        Map<Paging, List<Key>> byRequest = keys.stream()
                .collect(Collectors.groupingBy(k -> new Paging(k.first(), k.after())));
        byRequest.forEach((paging, group) -> {
            List<String> ids = group.stream().map(Key::customerId).distinct().toList();
            Map<String, List<Event>> newest = events.newest(ids, paging.after(), paging.fetchSize());
            Supplier<Map<String, Integer>> counts = memoize(() -> events.counts(ids));
            for (Key key : group) {
                List<Event> fetched = newest.getOrDefault(key.customerId(), new ArrayList<>());
                pages.put(key, Connection.of(fetched, paging, EventService::cursorKey,
                        () -> counts.get().getOrDefault(key.customerId(), 0)));
            }
        });
        return pages;
    }

    /** Computes once, on first use: totalCount costs a query only when some client selects it. */
    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        Map<String, T> cache = new HashMap<>(1);
        return () -> {
            synchronized (cache) {
                return cache.computeIfAbsent("value", k -> supplier.get());
            }
        };
    }
}
