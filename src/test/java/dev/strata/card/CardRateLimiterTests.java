package dev.strata.card;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The in-memory limiter: a client address and a card each have their own budget per minute. */
class CardRateLimiterTests {

    @Test
    void anAddressPastItsBudgetIsRefusedWhileOthersAreNot() {
        CardRateLimiter limiter = new CardRateLimiter(new CardProperties(true, 3, 1000));
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("10.0.0.1", "card" + i)).isTrue();
        }
        assertThat(limiter.tryAcquire("10.0.0.1", "card9")).isFalse();
        assertThat(limiter.tryAcquire("10.0.0.2", "card9")).isTrue();
    }

    @Test
    void aCardPastItsBudgetIsRefusedWhateverTheAddress() {
        CardRateLimiter limiter = new CardRateLimiter(new CardProperties(true, 1000, 2));
        assertThat(limiter.tryAcquire("10.0.0.1", "hot")).isTrue();
        assertThat(limiter.tryAcquire("10.0.0.2", "hot")).isTrue();
        assertThat(limiter.tryAcquire("10.0.0.3", "hot")).isFalse();
        assertThat(limiter.tryAcquire("10.0.0.3", "cold")).isTrue();
    }
}
