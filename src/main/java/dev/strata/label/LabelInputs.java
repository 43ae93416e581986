package dev.strata.label;

import java.util.List;

import dev.strata.rule.SegmentRule;

/** Inputs of the label mutations. */
final class LabelInputs {

    private LabelInputs() {
    }

    /** Input of {@code createLabel}. */
    record CreateLabelInput(String key, String name, String description, LabelCategory category, LabelKind kind,
            SegmentRule rule) {
    }

    /** Input of {@code applyLabel} and {@code removeLabel}. */
    record LabelCustomersInput(String labelId, List<String> customerIds) {
    }
}
