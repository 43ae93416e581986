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
}
