package dev.strata.rule;

import java.util.Collection;
import java.util.Map;

/** Labels by key, for rules that name labels; the label feature implements it, so rules need not depend on it. */
public interface LabelKeys {

    /** A label a rule may name: its ID, and for a RULE label its rule (evaluated live, so it is exact at every moment). */
    record LabelRef(String id, SegmentRule rule) {
    }

    /** Those of {@code keys} that name a label. */
    Map<String, LabelRef> byKey(Collection<String> keys);
}
