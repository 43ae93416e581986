package dev.strata.card;

import dev.strata.shared.FixedWindowLimiter;
import org.springframework.stereotype.Component;

/**
 * Throttles the public card calls per client address and per slug in fixed one-minute windows, in memory: a flood
 * from one address or at one card is refused for the rest of the minute, before it reaches the store.
 */
@Component
class CardRateLimiter {

    private static final int MAX_KEYS = 200_000;

    private final CardProperties properties;
    private final FixedWindowLimiter limiter = new FixedWindowLimiter(MAX_KEYS);

    CardRateLimiter(CardProperties properties) {
        this.properties = properties;
    }

    /** Takes one call from the address and the slug's budgets; false when either is spent this minute. */
    boolean tryAcquire(String address, String slug) {
        boolean byAddress = limiter.take("a:" + address, properties.callsPerMinutePerAddress());
        boolean bySlug = limiter.take("s:" + slug, properties.callsPerMinutePerCard());
        return byAddress && bySlug;
    }
}
