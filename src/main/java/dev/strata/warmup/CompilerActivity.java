package dev.strata.warmup;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * Whether the JIT compiler is still busy: the time it spent compiling over the last second, as a share of that
 * second. Warm-up goes on while it is, since compilation left for after UP competes with the first clients.
 */
final class CompilerActivity {

    private static final long SECOND = 1_000_000_000L;

    private final CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
    private final double busyShare;
    private long windowStart = System.nanoTime();
    private long compiledAtStart;
    private boolean busy = true;

    CompilerActivity(double busyShare) {
        this.busyShare = busyShare;
        this.compiledAtStart = monitored() ? compiler.getTotalCompilationTime() : 0;
    }

    /** Busy unless the last whole second was spent compiling less than the share; never busy when not measurable. */
    synchronized boolean busy() {
        if (!monitored()) {
            return false;
        }
        long now = System.nanoTime();
        if (now - windowStart >= SECOND) {
            long compiled = compiler.getTotalCompilationTime();
            busy = (compiled - compiledAtStart) * 1_000_000.0 > busyShare * (now - windowStart);
            windowStart = now;
            compiledAtStart = compiled;
        }
        return busy;
    }

    private boolean monitored() {
        return compiler != null && compiler.isCompilationTimeMonitoringSupported();
    }
}
