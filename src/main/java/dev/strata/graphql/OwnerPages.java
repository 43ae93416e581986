package dev.strata.graphql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Pages of a per-customer list (events, touchpoints) for a whole list of customers at once: one
 * query per distinct page request instead of one per customer, and one count for all of them, made
 * only when some client selects totalCount.
 */
public final class OwnerPages {

    private OwnerPages() {
    }

    /** One owner's page request. */
    public record Key(String ownerId, int first, String after) {
    }

    /** Where the items come from. */
    public interface Source<T> {

        /** Each owner's items in page order after {@code cursorKey}, at most {@code perOwner} each. */
        Map<String, List<T>> pages(Collection<String> ownerIds, String cursorKey, int perOwner);

        /** How many items each owner has. */
        Map<String, Integer> counts(Collection<String> ownerIds);

        /** The key a cursor after {@code item} encodes. */
        String cursorKey(T item);
    }

    public static <T> Map<Key, Connection<T>> load(Set<Key> keys, Source<T> source) {
        Map<Key, Connection<T>> pages = new HashMap<>();
        Map<Paging, List<Key>> byRequest = keys.stream().collect(Collectors.groupingBy(k -> new Paging(k.first(), k.after())));
        byRequest.forEach((paging, group) -> {
            List<String> ids = group.stream().map(Key::ownerId).distinct().toList();
            Map<String, List<T>> found = source.pages(ids, paging.after(), paging.fetchSize());
            Supplier<Map<String, Integer>> counts = memoize(() -> source.counts(ids));
            for (Key key : group) {
                List<T> fetched = found.getOrDefault(key.ownerId(), new ArrayList<>());
                pages.put(key, Connection.of(fetched, paging, source::cursorKey,
                        () -> counts.get().getOrDefault(key.ownerId(), 0)));
            }
        });
        return pages;
    }

    /** Computes once, on first use. */
    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        Map<String, T> cache = new HashMap<>(1);
        return () -> {
            synchronized (cache) {
                return cache.computeIfAbsent("value", k -> supplier.get());
            }
        };
    }
}
