package dev.strata.shared;

/** A customer's assessed risk tolerance; C5 tolerates the most. */
public enum RiskLevel {
    C1, C2, C3, C4, C5
}
