package dev.strata.audience;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Everything the index keeps of one day's events: counts per type and per type and channel, and the IDs counted. */
final class DayEvents {

    private final Map<String, EventCounts> byType = new HashMap<>();
    private final Map<String, EventCounts> byTypeAndChannel = new HashMap<>();
    private final EventIds ids = new EventIds();

    /** Counts the events of this day whose IDs were not counted before (nor earlier in the list). */
    void record(List<AudienceEvent> events) {
        long[] hashes = new long[events.size()];
        Integer[] order = new Integer[events.size()];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = EventIds.hash(events.get(i).eventId());
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(hashes[a], hashes[b]));
        long[] fresh = new long[hashes.length];
        int added = 0;
        for (int i : order) {
            long hash = hashes[i];
            if ((added > 0 && fresh[added - 1] == hash) || ids.contains(hash)) {
                continue;
            }
            fresh[added++] = hash;
            AudienceEvent event = events.get(i);
            byType.computeIfAbsent(event.type(), t -> new EventCounts()).add(event.seq());
            if (event.channel() != null) {
                byTypeAndChannel.computeIfAbsent(key(event.type(), event.channel()), k -> new EventCounts()).add(event.seq());
            }
        }
        ids.addAll(Arrays.copyOf(fresh, added));
    }

    /** The counts of a type on a channel (any channel when null), or null when none was recorded. */
    EventCounts counts(String type, String channel) {
        return channel == null ? byType.get(type) : byTypeAndChannel.get(key(type, channel));
    }

    void move(int from, int to) {
        byType.values().forEach(counts -> counts.move(from, to));
        byTypeAndChannel.values().forEach(counts -> counts.move(from, to));
    }

    void runOptimize() {
        byType.values().forEach(counts -> counts.once.runOptimize());
        byTypeAndChannel.values().forEach(counts -> counts.once.runOptimize());
    }

    private static String key(String type, String channel) {
        return type + '\u0000' + channel;
    }
}
