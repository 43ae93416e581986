package dev.strata.graphql;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Turns for heavy operations: a few at once, and each turn handed on only after a rest as long as the share allows
 * (with half, a rest as long as the operation took), so clients sending nothing but the heaviest queries the limits
 * admit get at most that share of a request thread and everyone else keeps the cores.
 */
final class HeavyTurns {

    private static final ScheduledExecutorService RESTS = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "heavy-turns");
        thread.setDaemon(true);
        return thread;
    });

    private final Semaphore turns;
    private final double restPerBusy;

    HeavyTurns(int concurrency, double share) {
        this.turns = new Semaphore(concurrency, true);
        this.restPerBusy = (1 - share) / share;
    }

    /** Waits for a turn up to {@code timeout}; false when none came. */
    boolean take(Duration timeout) throws InterruptedException {
        return turns.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Ends a turn that took {@code busyNanos}: the next one may start after the rest. */
    void end(long busyNanos) {
        long rest = (long) (busyNanos * restPerBusy);
        if (rest <= 0) {
            turns.release();
        } else {
            RESTS.schedule((Runnable) turns::release, rest, TimeUnit.NANOSECONDS);
        }
    }
}
