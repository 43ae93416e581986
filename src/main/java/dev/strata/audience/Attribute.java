package dev.strata.audience;

/** The enumerated attributes of a customer the audience index keeps one bitmap per value of. */
public enum Attribute {
    BRANCH, MANAGER, TIER, SOURCE, LIFECYCLE, RISK, QUADRANT, LABEL, PRODUCT, CONSENT;

    /** Whether a customer may hold several values at once (labels, products, consents) rather than at most one. */
    boolean multiValued() {
        return this == LABEL || this == PRODUCT || this == CONSENT;
    }
}
