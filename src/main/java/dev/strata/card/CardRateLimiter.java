package dev.strata.card;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * Throttles the public card calls per client address and per slug in fixed one-minute windows, in memory: a flood
 * from one address or at one card is refused for the rest of the minute, before it reaches the store.
 */
@Component
class CardRateLimiter {

    private static final int MAX_KEYS = 200_000;

    private final CardProperties properties;
    private final ConcurrentHashMap<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final AtomicLong window = new AtomicLong();

    CardRateLimiter(CardProperties properties) {
        this.properties = properties;
    }

    /** Takes one call from the address and the slug's budgets; false when either is spent this minute. */
    boolean tryAcquire(String address, String slug) {
        roll();
        boolean byAddress = take("a:" + address, properties.callsPerMinutePerAddress());
        boolean bySlug = take("s:" + slug, properties.callsPerMinutePerCard());
        return byAddress && bySlug;
    }

    private boolean take(String key, int limit) {
        if (counts.size() > MAX_KEYS && !counts.containsKey(key)) {
            return false;
        }
        return counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet() <= limit;
    }

    private void roll() {
        long minute = System.currentTimeMillis() / 60_000;
        long current = window.get();
        if (current != minute && window.compareAndSet(current, minute)) {
            counts.clear();
        }
    }
}
