package dev.strata.label;

/** Who puts a label on customers: people (MANUAL), a rule (RULE) or the system's own scoring (SYSTEM). */
public enum LabelKind {
    MANUAL, RULE, SYSTEM
}
