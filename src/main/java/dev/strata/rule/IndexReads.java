package dev.strata.rule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.strata.audience.AudienceView;

/**
 * Which parts of the audience index an evaluation read, so that its result can be kept exactly as long as none of
 * them changes: who is live (always), customers' attributes and measures, the event types counted, and the day.
 * A rule that reads a saved segment (whose rule may change without any index write) or reaches the nesting limit
 * is not keepable.
 */
final class IndexReads {

    private boolean profiles;
    private final Set<String> eventTypes = new TreeSet<>();
    private boolean keepable = true;
    private int labelDepth;

    void profiles() {
        profiles = true;
    }

    void events(String type) {
        eventTypes.add(type);
    }

    void notKeepable() {
        keepable = false;
    }

    boolean keepable() {
        return keepable;
    }

    /** What a RULE label's members read becomes part of what the rule naming it read. */
    void include(IndexReads label, int depth) {
        profiles |= label.profiles;
        eventTypes.addAll(label.eventTypes);
        keepable &= label.keepable;
        labelDepth = Math.max(labelDepth, depth);
    }

    /** How many levels of RULE labels a result read through: one for a label that names no RULE label. */
    int depthAsLabel() {
        return 1 + labelDepth;
    }

    /** The versions of the parts read, as they are now: equal stamps mean an equal result. */
    Stamp stamp(AudienceView view, LocalDate today) {
        List<Long> events = new ArrayList<>(eventTypes.size());
        eventTypes.forEach(type -> events.add(view.eventVersion(type)));
        return new Stamp(today.toEpochDay(), view.liveVersion(), profiles ? view.profileVersion() : 0, events);
    }

    /** The day and the index versions a result was worked out at. */
    record Stamp(long day, long live, long profiles, List<Long> events) {
    }
}
