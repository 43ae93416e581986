package dev.strata.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A ticking clock that tests and demos may move forward (STRATA_TEST_CLOCK=true); off by default. */
public final class TestClock extends Clock {

    private final Clock base;
    private final AtomicLong offsetMillis = new AtomicLong();

    public TestClock(Clock base) {
        this.base = base;
    }

    /** Moves the clock forward; a negative amount is refused (leases and schedules only move forward). */
    public Instant advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the test clock only moves forward");
        }
        offsetMillis.addAndGet(by.toMillis());
        return instant();
    }

    /** Moves the clock forward to {@code to}; earlier instants leave it where it is. */
    public Instant advanceTo(Instant to) {
        long wanted = to.toEpochMilli() - base.millis();
        offsetMillis.accumulateAndGet(wanted, Math::max);
        return instant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(base.withZone(zone), Duration.ofMillis(offsetMillis.get()));
    }

    @Override
    public long millis() {
        return base.millis() + offsetMillis.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }
}
