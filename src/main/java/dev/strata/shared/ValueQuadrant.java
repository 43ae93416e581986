package dev.strata.shared;

/** Current value × potential value: LOW_VALUE (low, low), GENERAL (high, low), SUBOPTIMAL (low, high), OPTIMAL (high, high). */
public enum ValueQuadrant {
    LOW_VALUE, GENERAL, SUBOPTIMAL, OPTIMAL
}
