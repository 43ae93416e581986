package dev.strata.audience;

import java.util.Set;

import org.roaringbitmap.RoaringBitmap;

/**
 * The index as seen inside {@link AudienceIndex#read}, so bitmap algebra runs over the stored bitmaps without
 * copying them. Valid only inside {@code read()}; returned bitmaps are the stored ones: never mutate or keep them.
 */
public interface AudienceView {

    /** Every live customer. */
    RoaringBitmap everyone();

    /** The members of one attribute value: an empty shared constant when none. */
    RoaringBitmap bitmap(Attribute attribute, String value);

    /** The values of an attribute that have members. */
    Set<String> values(Attribute attribute);

    /** Who has a value for the measure: the stored bitmap. */
    RoaringBitmap withValue(Measure measure);

    /**
     * A new bitmap: customers in {@code within} (null: everyone) whose value v has gte <= v < lt; Long.MIN_VALUE and
     * Long.MAX_VALUE mean no bound. Customers without a value never match. Iterates {@code within} when it is small.
     */
    RoaringBitmap range(Measure measure, long gteInclusive, long ltExclusive, RoaringBitmap within);

    /** The exact sum of the measure over customers in {@code within} (null: everyone) that have a value. */
    long sum(Measure measure, RoaringBitmap within);

    /**
     * A new bitmap: live customers with at least {@code minCount} events (events, not days) of the type, on the
     * channel (any when null), on days in [from, to] (epoch days, both inclusive).
     */
    RoaringBitmap events(String type, String channel, int fromEpochDay, int toEpochDay, int minCount);

    /** Moves whenever the set of live customers changes. */
    long liveVersion();

    /** Moves whenever any customer's attributes (labels, products, tier, ...) or measures may have changed. */
    long profileVersion();

    /** Moves whenever events of the type are recorded or moved to another customer (a merge). */
    long eventVersion(String type);
}
