package dev.strata.security;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A token bucket per key (a client address, a username, a tracking token): {@code burst} tokens, one back
 * every {@code refill}. Keys are bounded (least recently used go first), so a flood of new keys cannot
 * exhaust memory. Per instance: with several instances each allows its own share.
 */
public final class RateLimiter {

    private final int burst;
    private final long refillNanos;
    private final Clock clock;
    private final Map<String, Bucket> buckets;

    /** Tokens left and when they were last counted. */
    private static final class Bucket {
        double tokens;
        long at;
    }

    public RateLimiter(int burst, Duration refill, int maxKeys, Clock clock) {
        this.burst = burst;
        this.refillNanos = Math.max(1, refill.toNanos());
        this.clock = clock;
        this.buckets = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /** Takes one token for the key; false (and nothing taken) when none is left. */
    public synchronized boolean tryAcquire(String key) {
        Bucket bucket = refreshed(key);
        if (bucket.tokens < 1) {
            return false;
        }
        bucket.tokens -= 1;
        return true;
    }

    /** Whether a token is left, without taking it (to check before work whose failure alone costs a token). */
    public synchronized boolean hasToken(String key) {
        return refreshed(key).tokens >= 1;
    }

    /** Takes a token if one is left (a failure to count after the fact). */
    public synchronized void consume(String key) {
        Bucket bucket = refreshed(key);
        bucket.tokens = Math.max(0, bucket.tokens - 1);
    }

    /** How long until the key has a token again. */
    public synchronized Duration retryAfter(String key) {
        Bucket bucket = refreshed(key);
        return bucket.tokens >= 1 ? Duration.ZERO : Duration.ofNanos((long) ((1 - bucket.tokens) * refillNanos));
    }

    private Bucket refreshed(String key) {
        long now = clock.millis() * 1_000_000L;
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            bucket = new Bucket();
            bucket.tokens = burst;
            bucket.at = now;
            buckets.put(key, bucket);
            return bucket;
        }
        bucket.tokens = Math.min(burst, bucket.tokens + (double) (now - bucket.at) / refillNanos);
        bucket.at = now;
        return bucket;
    }
}
