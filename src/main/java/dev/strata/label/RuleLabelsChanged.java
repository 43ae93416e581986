package dev.strata.label;

/** A RULE label was created: its members should be worked out now rather than at the next periodic pass. */
record RuleLabelsChanged() {
}
