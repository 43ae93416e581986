package dev.strata.rule;

import java.util.ArrayList;
import java.util.List;

import dev.strata.shared.Channel;
import dev.strata.shared.CustomerSource;
import dev.strata.shared.LifecycleStage;
import dev.strata.shared.RiskLevel;
import dev.strata.shared.Tier;
import dev.strata.shared.ValueQuadrant;

/**
 * One node of an audience rule: exactly one field is set. The same record is the GraphQL input, the
 * stored form and the output, so a client reads back exactly what it wrote and can edit it.
 */
public record SegmentRule(List<SegmentRule> and, List<SegmentRule> or, SegmentRule not, String hasLabel,
        List<Tier> tierIn, List<ValueQuadrant> quadrantIn, List<CustomerSource> sourceIn, List<LifecycleStage> lifecycleIn,
        List<RiskLevel> riskLevelIn, List<String> branchIn, List<String> managerIn, NumericCondition numeric,
        EventCondition event, String hasProduct, Channel consentTo, String inSegment) {

    /** {@code field} in the half-open range [gte, lt); either bound may be left out. */
    public record NumericCondition(NumericField field, Double gte, Double lt) {
    }

    /** At least {@code minCount} events of a type (on a channel) in the last {@code withinDays} calendar days, today included. */
    public record EventCondition(String type, Channel channel, Integer withinDays, Integer minCount) {

        public int minCountOrDefault() {
            return minCount == null ? 1 : minCount;
        }
    }

    /** The names of the fields set on this node, in declaration order (a valid node has exactly one). */
    public List<String> fieldsSet() {
        List<String> set = new ArrayList<>();
        add(set, "and", and);
        add(set, "or", or);
        add(set, "not", not);
        add(set, "hasLabel", hasLabel);
        add(set, "tierIn", tierIn);
        add(set, "quadrantIn", quadrantIn);
        add(set, "sourceIn", sourceIn);
        add(set, "lifecycleIn", lifecycleIn);
        add(set, "riskLevelIn", riskLevelIn);
        add(set, "branchIn", branchIn);
        add(set, "managerIn", managerIn);
        add(set, "numeric", numeric);
        add(set, "event", event);
        add(set, "hasProduct", hasProduct);
        add(set, "consentTo", consentTo);
        add(set, "inSegment", inSegment);
        return set;
    }

    /** The children of an {@code and}, {@code or} or {@code not} node (empty for a leaf). */
    public List<SegmentRule> children() {
        if (and != null) {
            return and;
        }
        if (or != null) {
            return or;
        }
        return not == null ? List.of() : List.of(not);
    }

    /** Every segment this rule names with {@code inSegment}, at any depth (global IDs as written). */
    public List<String> segmentReferences() {
        List<String> references = new ArrayList<>();
        collectSegments(this, references);
        return references;
    }

    private static void collectSegments(SegmentRule rule, List<String> into) {
        if (rule == null) {
            return;
        }
        if (rule.inSegment() != null) {
            into.add(rule.inSegment());
        }
        rule.children().forEach(child -> collectSegments(child, into));
    }

    /** Every label key this rule names with {@code hasLabel}, at any depth (not following segments). */
    public java.util.Set<String> labelKeys() {
        java.util.Set<String> keys = new java.util.HashSet<>();
        collectLabelKeys(this, keys);
        return keys;
    }

    private static void collectLabelKeys(SegmentRule rule, java.util.Set<String> into) {
        if (rule.hasLabel() != null) {
            into.add(rule.hasLabel());
        }
        rule.children().forEach(child -> collectLabelKeys(child, into));
    }

    /** A rule naming one label: for a RULE label, its members as the rule engine keeps them. */
    public static SegmentRule hasLabel(String labelKey) {
        return new SegmentRule(null, null, null, labelKey, null, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    public static SegmentRule inSegment(String segmentGlobalId) {
        return new SegmentRule(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                segmentGlobalId);
    }

    private static void add(List<String> set, String name, Object value) {
        if (value != null) {
            set.add(name);
        }
    }
}
