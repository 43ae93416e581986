package dev.strata.label;

import java.util.List;

/** Inputs of the label mutations. */
final class LabelInputs {

    private LabelInputs() {
    }

    /** Input of {@code createLabel}. */
    record CreateLabelInput(String key, String name, String description, LabelCategory category, LabelKind kind) {
    }

    /** Input of {@code applyLabel} and {@code removeLabel}. */
    record LabelCustomersInput(String labelId, List<String> customerIds) {
    }
}
