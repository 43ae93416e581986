package dev.strata.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import jdk.jfr.consumer.RecordingStream;

/**
 * The collector's pauses over a benchmark's timed window, and the JVM flags that shape them: on the embedded store
 * every stored document lives on the heap, so the latency tails are mostly collection pauses. Read from the flight
 * recorder's pause events, which carry wall-clock times (the management beans' pause times count from a different
 * origin than the JVM's uptime, tens of milliseconds off) and include the concurrent cycle's Remark and Cleanup pauses.
 */
final class GcPauses implements AutoCloseable {

    /** Each pause as start and end in {@link System#nanoTime()} terms; all of them, and those since the last summary. */
    private final List<long[]> all = new ArrayList<>();
    private final List<long[]> sinceLast = new ArrayList<>();
    private final AtomicLong flushes = new AtomicLong();
    private final RecordingStream stream = new RecordingStream();
    private final long anchorNanos = System.nanoTime();
    private final Instant anchor = Instant.now();

    private GcPauses() {
        stream.enable("jdk.GCPhasePause").withoutThreshold();
        stream.onEvent("jdk.GCPhasePause", event -> {
            long start = nanos(event.getStartTime());
            long[] pause = {start, start + event.getDuration().toNanos()};
            synchronized (this) {
                all.add(pause);
                sinceLast.add(pause);
            }
        });
        stream.onFlush(flushes::incrementAndGet);
        stream.startAsync();
    }

    /** Starts recording every pause from now on. */
    static GcPauses record() {
        return new GcPauses();
    }

    /** The pauses since the last call: how many, their total and longest. */
    String sinceLast() {
        settle();
        synchronized (this) {
            long[] lengths = sinceLast.stream().mapToLong(p -> p[1] - p[0]).sorted().toArray();
            long total = Arrays.stream(lengths).sum();
            String summary = String.format("%d pauses, %,d ms paused in all, p50 %.1f ms, p90 %.1f ms, longest %.1f ms",
                    lengths.length, total / 1_000_000, at(lengths, 0.50), at(lengths, 0.90), at(lengths, 1.0));
            sinceLast.clear();
            return summary;
        }
    }

    private static double at(long[] sorted, double fraction) {
        return sorted.length == 0 ? 0 : sorted[Math.max(0, (int) Math.ceil(fraction * sorted.length) - 1)] / 1e6;
    }

    /**
     * Whether a pause delivered so far (all up to the last {@link #sinceLast()}) overlapped the span between two
     * {@link System#nanoTime()} readings: tells a slow read that waited out a collection from one slow on its own.
     */
    boolean overlaps(long fromNanos, long toNanos) {
        synchronized (this) {
            return all.stream().anyMatch(pause -> pause[0] <= toNanos && pause[1] >= fromNanos);
        }
    }

    /** Waits until the recorder has delivered every pause up to now (it hands events over about once a second). */
    private void settle() {
        long target = flushes.get() + 2;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (flushes.get() < target && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private long nanos(Instant time) {
        return anchorNanos + Duration.between(anchor, time).toNanos();
    }

    @Override
    public void close() {
        stream.close();
    }

    /** The heap and collector flags this JVM was started with (none: the JVM's defaults). */
    static String flags() {
        String flags = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(arg -> arg.startsWith("-Xm") || arg.startsWith("-XX:")).collect(Collectors.joining(" "));
        return flags.isEmpty() ? "JVM defaults" : flags;
    }
}
