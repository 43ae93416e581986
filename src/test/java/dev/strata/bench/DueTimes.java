package dev.strata.bench;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Due times for a reader polling on a fixed period, so each read's latency counts from when it was due: the client
 * shares the JVM with the service, and a reader that slept through a collection pause and only then sent its request
 * would never see the pause a user on a phone sees. Reads due while one is still in flight are skipped, as a screen
 * that polls would skip them.
 */
final class DueTimes {

    private final long periodNanos;
    private long due = System.nanoTime();

    DueTimes(Duration period) {
        this.periodNanos = period.toNanos();
    }

    /** Waits until the next read is due; returns the time it was due. */
    long awaitNext() {
        long now;
        while ((now = System.nanoTime()) < due) {
            LockSupport.parkNanos(due - now);
        }
        return due;
    }

    /** Moves past a read that finished at {@code finished} to the first due time after it. */
    void finished(long finished) {
        do {
            due += periodNanos;
        } while (due <= finished);
    }
}
