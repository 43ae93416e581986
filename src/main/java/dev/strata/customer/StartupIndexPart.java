package dev.strata.customer;

import dev.strata.audience.AudienceIndex;

/**
 * A part of the audience index that a feature builds from its own stored data when the index is built from the store
 * (events: per-day counts), after the customers, given their seqs; the customer module runs every part.
 */
public interface StartupIndexPart {

    /** Adds this part's stored data to the target; what it read, for the log. */
    String build(AudienceIndex target, CustomerSeqs seqs);
}
