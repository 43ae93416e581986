package dev.strata.audience;

import java.util.EnumMap;
import java.util.Map;

import org.roaringbitmap.RoaringBitmap;

/** Every {@link Measure}'s column, written a record at a time beside the enum bitmaps in {@link AudienceIndex}. */
final class MeasureColumns {

    private final Map<Measure, NumberColumn> columns = new EnumMap<>(Measure.class);

    MeasureColumns() {
        for (Measure measure : Measure.values()) {
            columns.put(measure, new NumberColumn());
        }
    }

    /** Replaces what was known of the record's seq: its values when live, nothing otherwise. */
    void put(AudienceRecord record) {
        Map<Measure, Long> values = record.measures();
        columns.forEach((measure, column) -> {
            Long value = record.live() ? values.get(measure) : null;
            if (value == null) {
                column.clear(record.seq());
            } else {
                column.set(record.seq(), value);
            }
        });
    }

    RoaringBitmap withValue(Measure measure) {
        return columns.get(measure).present();
    }

    /** Customers in {@code within} (null: everyone) with gte <= value < lt; MIN_VALUE and MAX_VALUE mean no bound. */
    RoaringBitmap range(Measure measure, long gteInclusive, long ltExclusive, RoaringBitmap within) {
        if (ltExclusive == Long.MIN_VALUE) {
            return new RoaringBitmap();
        }
        long hi = ltExclusive == Long.MAX_VALUE ? Long.MAX_VALUE : ltExclusive - 1;
        return columns.get(measure).between(gteInclusive, hi, within);
    }

    long sum(Measure measure, RoaringBitmap within) {
        return columns.get(measure).sum(within);
    }

    void runOptimize() {
        columns.values().forEach(column -> column.present().runOptimize());
    }
}
