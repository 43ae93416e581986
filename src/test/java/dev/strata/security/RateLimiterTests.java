package dev.strata.security;

import dev.strata.support.SettableClock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The public-operation limiter: a burst per key, refilled over time, keys independent and bounded. */
class RateLimiterTests {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-23T00:00:00Z"));

    @Test
    void aBurstThenOneCallPerRefill() {
        RateLimiter limiter = new RateLimiter(3, Duration.ofSeconds(10), 100, clock);
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isFalse();
        assertThat(limiter.retryAfter("a")).isEqualTo(Duration.ofSeconds(10));
        assertThat(limiter.tryAcquire("b")).as("another key is unaffected").isTrue();
        clock.set(clock.instant().plusSeconds(10));
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isFalse();
    }

    @Test
    void keysAreBoundedSoAFloodOfNewKeysCannotExhaustMemory() {
        RateLimiter limiter = new RateLimiter(1, Duration.ofHours(1), 10, clock);
        limiter.tryAcquire("first");
        for (int i = 0; i < 100; i++) {
            limiter.tryAcquire("k" + i);
        }
        assertThat(limiter.tryAcquire("first")).as("forgotten, so a fresh burst").isTrue();
    }
}
