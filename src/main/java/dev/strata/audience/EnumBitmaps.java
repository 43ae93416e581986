package dev.strata.audience;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import org.roaringbitmap.RoaringBitmap;

/**
 * The bitmaps of every enumerated attribute value. Numeric columns by seq and per-day event bitmaps (the segment
 * engine's other inputs) are meant to sit beside this class in {@link AudienceIndex}, each updated the same way.
 */
final class EnumBitmaps {

    private final Map<Attribute, AttributeValues> attributes = new EnumMap<>(Attribute.class);

    EnumBitmaps() {
        for (Attribute attribute : Attribute.values()) {
            attributes.put(attribute, new AttributeValues(attribute.multiValued()));
        }
    }

    /** Forgets every value {@code seqs} held, before they are added again as they are now. */
    void remove(RoaringBitmap seqs) {
        if (seqs.isEmpty()) {
            return;
        }
        attributes.values().forEach(values -> values.remove(seqs));
    }

    /** Adds a live customer, whose seq holds no value yet. */
    void add(AudienceRecord record) {
        attributes.forEach((attribute, values) -> {
            if (attribute.multiValued()) {
                for (String value : record.multiple(attribute)) {
                    values.add(record.seq(), value);
                }
            } else {
                values.add(record.seq(), record.single(attribute));
            }
        });
    }

    /** The stored bitmap of a value, or null when nobody ever had it. */
    RoaringBitmap stored(Attribute attribute, String value) {
        return value == null ? null : attributes.get(attribute).stored(value);
    }

    Set<String> values(Attribute attribute) {
        return attributes.get(attribute).valuesWithMembers();
    }

    void runOptimize() {
        attributes.values().forEach(AttributeValues::runOptimize);
    }
}
