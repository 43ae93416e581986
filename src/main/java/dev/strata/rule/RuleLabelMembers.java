package dev.strata.rule;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.strata.audience.AudienceView;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.stereotype.Component;

/**
 * RULE labels' members over every live customer, kept until a part of the index their rule read changes, the day
 * turns in STRATA_TIME_ZONE or the rule differs: a rule naming a RULE label then costs one AND instead of the label's
 * event windows on every call, and counts stay exactly those of a fresh evaluation.
 */
@Component
class RuleLabelMembers {

    /** RULE labels kept at most; the least recently used go first. */
    static final int CAPACITY = 256;

    /** A label's members (never mutated), what they were worked out from, and how deep its RULE labels nest. */
    record Kept(SegmentRule rule, IndexReads reads, IndexReads.Stamp stamp, int depth, RoaringBitmap members) {
    }

    private final Map<String, Kept> kept = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The label's kept members if they are still exactly right for {@code rule} in this view today, else null. */
    Kept find(String labelId, SegmentRule rule, AudienceView view, LocalDate today) {
        Kept found;
        synchronized (kept) {
            found = kept.get(labelId);
        }
        if (found == null || !(found.rule() == rule || found.rule().equals(rule))
                || !found.stamp().equals(found.reads().stamp(view, today))) {
            return null;
        }
        return found;
    }

    /** Keeps members worked out under the index's read lock in {@code view} today, if what they read allows it. */
    void keep(String labelId, SegmentRule rule, IndexReads reads, AudienceView view, LocalDate today, RoaringBitmap members) {
        if (!reads.keepable()) {
            return;
        }
        Kept entry = new Kept(rule, reads, reads.stamp(view, today), reads.depthAsLabel(), members);
        synchronized (kept) {
            kept.put(labelId, entry);
        }
    }
}
