package dev.strata.shared;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Counts calls per key in fixed one-minute windows, in memory, for the public operations (card visits, survey answers):
 * past the limit a key is refused for the rest of the minute. Bounded: past {@code maxKeys} a new key is refused.
 */
public final class FixedWindowLimiter {

    private final int maxKeys;
    private final LongSupplier millis;
    private final ConcurrentHashMap<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final AtomicLong window = new AtomicLong();

    public FixedWindowLimiter(int maxKeys) {
        this(maxKeys, System::currentTimeMillis);
    }

    public FixedWindowLimiter(int maxKeys, LongSupplier millis) {
        this.maxKeys = maxKeys;
        this.millis = millis;
    }

    /** Takes one call from the key's budget; false when it is spent this minute. */
    public boolean take(String key, int limit) {
        roll();
        if (counts.size() > maxKeys && !counts.containsKey(key)) {
            return false;
        }
        return counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet() <= limit;
    }

    private void roll() {
        long minute = millis.getAsLong() / 60_000;
        long current = window.get();
        if (current != minute && window.compareAndSet(current, minute)) {
            counts.clear();
        }
    }
}
