package dev.strata.audience;

import java.util.HashMap;
import java.util.Map;

/**
 * Counters that move whenever a part of the index changes (who is live, any customer's attributes and measures, one
 * event type's days), so a result worked out from some parts can be kept exactly until one of those parts changes.
 * Written under the index's write lock and read under its read lock.
 */
final class IndexVersions {

    private long live;
    private long profiles;
    private long merges;
    private final Map<String, Long> eventTypes = new HashMap<>();

    void liveChanged() {
        live++;
    }

    void profilesChanged() {
        profiles++;
    }

    void eventsRecorded(String type) {
        eventTypes.merge(type, 1L, Long::sum);
    }

    /** A merge moves events of every type between customers. */
    void eventsMoved() {
        merges++;
    }

    long live() {
        return live;
    }

    long profiles() {
        return profiles;
    }

    /** Both parts only grow, so their sum moves whenever either does. */
    long events(String type) {
        return eventTypes.getOrDefault(type, 0L) + merges;
    }
}
