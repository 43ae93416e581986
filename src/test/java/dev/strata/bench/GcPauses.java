package dev.strata.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The collector's pauses over a benchmark's timed window, and the JVM flags that shape them: on the embedded store
 * every stored document lives on the heap, so the latency tails are mostly collection pauses.
 */
final class GcPauses {

    private final List<Long> pausesMillis = new ArrayList<>();

    private GcPauses() {
    }

    /** Starts recording every collection from now on. */
    static GcPauses record() {
        GcPauses pauses = new GcPauses();
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) bean).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    long millis = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
                            .getGcInfo().getDuration();
                    synchronized (pauses) {
                        pauses.pausesMillis.add(millis);
                    }
                }
            }, null, null);
        }
        return pauses;
    }

    /** The collections since the last call: how many, their total and longest pause. */
    synchronized String sinceLast() {
        long total = pausesMillis.stream().mapToLong(Long::longValue).sum();
        long longest = pausesMillis.stream().mapToLong(Long::longValue).max().orElse(0);
        String summary = String.format("%d collections, %,d ms paused in all, longest %d ms", pausesMillis.size(), total,
                longest);
        pausesMillis.clear();
        return summary;
    }

    /** The heap and collector flags this JVM was started with (none: the JVM's defaults). */
    static String flags() {
        String flags = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(arg -> arg.startsWith("-Xm") || arg.startsWith("-XX:")).collect(Collectors.joining(" "));
        return flags.isEmpty() ? "JVM defaults" : flags;
    }
}
