package dev.strata.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;

/** Random field values for the tests that hold hand-built documents against Spring Data's mapping: often absent. */
public final class RandomValues {

    private static final Instant NOW = Instant.parse("2026-11-23T02:15:30.123Z");

    private RandomValues() {
    }

    /** An instant within about a day of a fixed moment, with milliseconds. */
    public static Instant instant(Random random) {
        return NOW.plus(random.nextInt(-100_000, 100_000), ChronoUnit.SECONDS).plusMillis(random.nextInt(1000));
    }

    /** An instant, or null half the time. */
    public static Instant maybeInstant(Random random) {
        return random.nextBoolean() ? null : instant(random);
    }

    /** The value, or null a quarter of the time. */
    public static <T> T maybe(Random random, T value) {
        return random.nextInt(4) == 0 ? null : value;
    }

    /** One of the values, or null half the time. */
    public static <T> T maybeOneOf(Random random, T[] values) {
        return random.nextBoolean() ? null : values[random.nextInt(values.length)];
    }
}
