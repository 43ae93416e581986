package dev.strata.audience;

import java.util.HashMap;
import java.util.Map;

import org.roaringbitmap.RoaringBitmap;

/**
 * One day's events of one type (or type and channel): a bitmap of the customers with at least one, and exact counts
 * only for the few with two or more that day, so {@code minCount} stays exact at bitmap cost.
 */
final class EventCounts {

    final RoaringBitmap once = new RoaringBitmap();
    /** Seq to its count that day, only where the count is 2 or more; null while there are none. */
    private Map<Integer, Integer> many;

    void add(int seq) {
        if (!once.checkedAdd(seq)) {
            if (many == null) {
                many = new HashMap<>();
            }
            many.merge(seq, 2, (count, two) -> count + 1);
        }
    }

    int count(int seq) {
        Integer count = many == null ? null : many.get(seq);
        return count != null ? count : once.contains(seq) ? 1 : 0;
    }

    /** A merge: {@code from}'s events become {@code to}'s. */
    void move(int from, int to) {
        int moved = count(from);
        if (moved == 0 || from == to) {
            return;
        }
        int total = count(to) + moved;
        once.remove(from);
        once.add(to);
        if (many != null) {
            many.remove(from);
        }
        if (total > 1) {
            if (many == null) {
                many = new HashMap<>();
            }
            many.put(to, total);
        }
    }

    /** Adds the seqs with two or more events that day to {@code into}. */
    void addRepeatedTo(RoaringBitmap into) {
        if (many != null) {
            many.keySet().forEach(into::add);
        }
    }
}
