package dev.strata.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/** What the whole process spent, for per-unit figures: CPU time, and heap allocated (which other load does not move). */
final class ProcessMeters {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private ProcessMeters() {
    }

    /** CPU time of this whole process (the service, its embedded store and the benchmark's client), all threads. */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Bytes allocated so far by the threads alive now (pools keep theirs, so differences over a run hold). */
    static long allocatedBytes() {
        long[] ids = THREADS.getAllThreadIds();
        return Arrays.stream(THREADS.getThreadAllocatedBytes(ids)).filter(n -> n > 0).sum();
    }
}
