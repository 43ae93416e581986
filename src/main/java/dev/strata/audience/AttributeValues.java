package dev.strata.audience;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.roaringbitmap.RoaringBitmap;

/**
 * One attribute's values, each interned once into a dense id (1, 2, ...) with its bitmap of seqs; a single-valued
 * attribute also keeps a {@link ValueColumn} of ids by seq, so an update removes a seq from exactly one bitmap.
 */
final class AttributeValues {

    private final Map<String, Integer> ids = new HashMap<>();
    /** By id - 1. */
    private final List<String> values = new ArrayList<>();
    /** By id - 1. */
    private final List<RoaringBitmap> bitmaps = new ArrayList<>();
    /** Null for a multi-valued attribute. */
    private final ValueColumn column;

    AttributeValues(boolean multiValued) {
        this.column = multiValued ? null : new ValueColumn();
    }

    /** The stored bitmap of a value, or null when the value was never seen. */
    RoaringBitmap stored(String value) {
        Integer id = ids.get(value);
        return id == null ? null : bitmaps.get(id - 1);
    }

    void add(int seq, String value) {
        if (value == null) {
            return;
        }
        int id = intern(value);
        bitmaps.get(id - 1).add(seq);
        if (column != null) {
            column.set(seq, id);
        }
    }

    /**
     * Takes {@code seqs} out of this attribute: by the column when single-valued; otherwise one in-place
     * {@code andNot} per value (an attribute has tens to hundreds of values, and that costs no memory per seq).
     */
    void remove(RoaringBitmap seqs) {
        if (column == null) {
            for (RoaringBitmap bitmap : bitmaps) {
                bitmap.andNot(seqs);
            }
            return;
        }
        seqs.forEach((int seq) -> {
            int id = column.get(seq);
            if (id != 0) {
                bitmaps.get(id - 1).remove(seq);
                column.set(seq, 0);
            }
        });
    }

    /** Values that have at least one member, in the order first seen. */
    Set<String> valuesWithMembers() {
        Set<String> present = new LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            if (!bitmaps.get(i).isEmpty()) {
                present.add(values.get(i));
            }
        }
        return present;
    }

    void runOptimize() {
        for (RoaringBitmap bitmap : bitmaps) {
            bitmap.runOptimize();
        }
    }

    private int intern(String value) {
        Integer id = ids.get(value);
        if (id != null) {
            return id;
        }
        values.add(value);
        bitmaps.add(new RoaringBitmap());
        ids.put(value, values.size());
        return values.size();
    }
}
