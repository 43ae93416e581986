package dev.strata.shared;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Small rows read on hot paths, by key, as read within the last few seconds: every page of portraits names its
 * branches and managers (a store round trip for five branches was a twentieth of the page), and every stored batch of
 * events the campaigns that act on events. A write on this instance forgets its keys at once (a read already under
 * way when it happened is not kept); another instance's write is seen once the entry is older than {@code maxAge},
 * the interval at which every key is read again.
 */
public final class RecentReads<V> {

    private record Entry<V>(V value, long readAt) {
    }

    private final long maxAgeNanos;
    private final int capacity;
    private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong writes = new AtomicLong();

    public RecentReads(Duration maxAge, int capacity) {
        this.maxAgeNanos = maxAge.toNanos();
        this.capacity = capacity;
    }

    /** The values of those keys that exist; keys not fresh here are read in one call of {@code read}. */
    public Map<String, V> get(Collection<String> keys, Function<List<String>, Map<String, V>> read) {
        Map<String, V> found = new HashMap<>();
        List<String> stale = new ArrayList<>();
        long now = System.nanoTime();
        for (String key : new LinkedHashSet<>(keys)) {
            Entry<V> entry = key == null ? null : entries.get(key);
            if (entry != null && now - entry.readAt() < maxAgeNanos) {
                found.put(key, entry.value());
            } else if (key != null) {
                stale.add(key);
            }
        }
        if (!stale.isEmpty()) {
            long writesBefore = writes.get();
            Map<String, V> fresh = read.apply(stale);
            found.putAll(fresh);
            if (writes.get() == writesBefore) {
                if (entries.size() + fresh.size() > capacity) {
                    entries.clear();
                }
                fresh.forEach((key, value) -> entries.put(key, new Entry<>(value, now)));
                // a write that slipped in after the check above forgets these keys again
                if (writes.get() != writesBefore) {
                    fresh.keySet().forEach(entries::remove);
                }
            }
        }
        return found;
    }

    /** Forgets the keys just written on this instance, so the next read sees the write. */
    public void written(Collection<String> keys) {
        writes.incrementAndGet();
        keys.forEach(entries::remove);
    }
}
