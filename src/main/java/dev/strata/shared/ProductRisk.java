package dev.strata.shared;

/** A product's risk level; R<sub>n</sub> may only go to customers assessed C<sub>n</sub> or higher. */
public enum ProductRisk {
    R1, R2, R3, R4, R5
}
