package dev.strata.audience;

import java.util.Set;

import org.roaringbitmap.RoaringBitmap;

/** The stored bitmaps and columns as they are; only ever handed out under the index's read lock. */
final class StoredView implements AudienceView {

    private static final RoaringBitmap NONE = new RoaringBitmap();

    private final RoaringBitmap everyone;
    private final EnumBitmaps enums;
    private final MeasureColumns measures;
    private final EventDays events;
    private final IndexVersions versions;

    StoredView(RoaringBitmap everyone, EnumBitmaps enums, MeasureColumns measures, EventDays events, IndexVersions versions) {
        this.everyone = everyone;
        this.enums = enums;
        this.measures = measures;
        this.events = events;
        this.versions = versions;
    }

    @Override
    public RoaringBitmap everyone() {
        return everyone;
    }

    @Override
    public RoaringBitmap bitmap(Attribute attribute, String value) {
        RoaringBitmap stored = enums.stored(attribute, value);
        return stored == null ? NONE : stored;
    }

    @Override
    public Set<String> values(Attribute attribute) {
        return enums.values(attribute);
    }

    @Override
    public RoaringBitmap withValue(Measure measure) {
        return measures.withValue(measure);
    }

    @Override
    public RoaringBitmap range(Measure measure, long gteInclusive, long ltExclusive, RoaringBitmap within) {
        return measures.range(measure, gteInclusive, ltExclusive, within);
    }

    @Override
    public long sum(Measure measure, RoaringBitmap within) {
        return measures.sum(measure, within);
    }

    @Override
    public RoaringBitmap events(String type, String channel, int fromEpochDay, int toEpochDay, int minCount) {
        return events.events(type, channel, fromEpochDay, toEpochDay, minCount, everyone);
    }

    @Override
    public long liveVersion() {
        return versions.live();
    }

    @Override
    public long profileVersion() {
        return versions.profiles();
    }

    @Override
    public long eventVersion(String type) {
        return versions.events(type);
    }
}
