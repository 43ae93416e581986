package dev.strata.label;

/** What a label describes about a customer. */
public enum LabelCategory {
    BASIC, RELATIONSHIP, INTEREST, VALUE, RISK, MARKETING
}
