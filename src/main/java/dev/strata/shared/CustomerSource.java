package dev.strata.shared;

/** How a customer came to the bank: existing (存量), outreach (外拓) or walk-in traffic (流量). */
public enum CustomerSource {
    EXISTING, OUTREACH, WALK_IN
}
