package dev.strata.shared;

/** Where a customer stands in their relationship with the bank. */
public enum LifecycleStage {
    PROSPECT, NEW, GROWING, MATURE, DECLINING, DORMANT, CHURNED
}
