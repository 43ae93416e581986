package dev.strata.rule;

import java.util.Optional;

/** Stored segments' rules, for rules that name segments; the segment feature implements it. */
public interface SegmentRules {

    /** The rule of a stored segment, by local ID. */
    Optional<SegmentRule> ruleOf(String segmentId);
}
