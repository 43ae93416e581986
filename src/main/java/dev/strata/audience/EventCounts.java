package dev.strata.audience;

import java.util.ArrayList;
import java.util.List;

import org.roaringbitmap.RoaringBitmap;

/**
 * One day's events of one type (or type and channel) as layers of bitmaps: {@code layer(0)} holds the customers with at
 * least one event that day, {@code layer(i)} those with at least i + 1. Most have one, so the further layers are tiny,
 * and {@code minCount} is exact with bitmap algebra alone: a customer's count is the number of layers holding them.
 */
final class EventCounts {

    final RoaringBitmap once = new RoaringBitmap();
    /** Layers from the second on (at least 2, 3, ... events that day); empty while nobody has two. */
    private final List<RoaringBitmap> more = new ArrayList<>(0);

    void add(int seq) {
        if (once.checkedAdd(seq)) {
            return;
        }
        for (RoaringBitmap layer : more) {
            if (layer.checkedAdd(seq)) {
                return;
            }
        }
        more.add(RoaringBitmap.bitmapOf(seq));
    }

    int count(int seq) {
        if (!once.contains(seq)) {
            return 0;
        }
        int count = 1;
        for (RoaringBitmap layer : more) {
            if (!layer.contains(seq)) {
                break;
            }
            count++;
        }
        return count;
    }

    /** How many layers there are: one plus the most events any customer had that day beyond the first. */
    int layers() {
        return 1 + more.size();
    }

    /** Layer {@code i}: the customers with at least i + 1 events that day. */
    RoaringBitmap layer(int i) {
        return i == 0 ? once : more.get(i - 1);
    }

    /** A merge: {@code from}'s events become {@code to}'s. */
    void move(int from, int to) {
        int moved = count(from);
        if (moved == 0 || from == to) {
            return;
        }
        int total = count(to) + moved;
        once.remove(from);
        more.forEach(layer -> layer.remove(from));
        once.add(to);
        for (int i = 1; i < total; i++) {
            if (i > more.size()) {
                more.add(new RoaringBitmap());
            }
            more.get(i - 1).add(to);
        }
        more.removeIf(RoaringBitmap::isEmpty);
    }
}
