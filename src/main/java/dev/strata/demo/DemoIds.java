package dev.strata.demo;

import java.util.SplittableRandom;

/** Deterministic ObjectId-shaped ids, so the same seed yields the same documents, ids included. */
final class DemoIds {

    /** 2024-01-01T00:00:00Z: seeded ids carry a timestamp in 2024, before anything created live. */
    private static final long EPOCH_2024 = 1_704_067_200L;

    private final long timestamp;
    private final long stream;
    private long counter;

    DemoIds(SplittableRandom random) {
        this.timestamp = EPOCH_2024 + random.nextLong(365L * 86_400);
        this.stream = random.nextLong(1L << 32);
    }

    /** 24 hex digits: timestamp, a per-stream random part and a counter, so ids sort in creation order. */
    String next() {
        return String.format("%08x%08x%08x", timestamp, stream, counter++);
    }
}
