package dev.strata.demo;

import java.util.List;

import dev.strata.rule.NumericField;
import dev.strata.rule.SegmentRule;
import dev.strata.shared.Channel;
import dev.strata.shared.CustomerSource;
import dev.strata.shared.LifecycleStage;
import dev.strata.shared.RiskLevel;
import dev.strata.shared.Tier;
import dev.strata.shared.ValueQuadrant;

/** One-node rule builders, so the demo's label and segment rules read like the rules a marketer writes. */
final class DemoRules {

    private DemoRules() {
    }

    static SegmentRule and(SegmentRule... children) {
        return new SegmentRule(List.of(children), null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    static SegmentRule or(SegmentRule... children) {
        return new SegmentRule(null, List.of(children), null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    static SegmentRule not(SegmentRule child) {
        return new SegmentRule(null, null, child, null, null, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    static SegmentRule hasLabel(String key) {
        return new SegmentRule(null, null, null, key, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    static SegmentRule tierIn(Tier... tiers) {
        return new SegmentRule(null, null, null, null, List.of(tiers), null, null, null, null, null, null, null, null, null,
                null, null);
    }

    static SegmentRule quadrantIn(ValueQuadrant... quadrants) {
        return new SegmentRule(null, null, null, null, null, List.of(quadrants), null, null, null, null, null, null, null,
                null, null, null);
    }

    static SegmentRule sourceIn(CustomerSource... sources) {
        return new SegmentRule(null, null, null, null, null, null, List.of(sources), null, null, null, null, null, null,
                null, null, null);
    }

    static SegmentRule lifecycleIn(LifecycleStage... stages) {
        return new SegmentRule(null, null, null, null, null, null, null, List.of(stages), null, null, null, null, null,
                null, null, null);
    }

    static SegmentRule riskLevelIn(RiskLevel... levels) {
        return new SegmentRule(null, null, null, null, null, null, null, null, List.of(levels), null, null, null, null,
                null, null, null);
    }

    static SegmentRule branchIn(String... codes) {
        return new SegmentRule(null, null, null, null, null, null, null, null, null, List.of(codes), null, null, null, null,
                null, null);
    }

    static SegmentRule managerIn(String... codes) {
        return new SegmentRule(null, null, null, null, null, null, null, null, null, null, List.of(codes), null, null, null,
                null, null);
    }

    static SegmentRule numeric(NumericField field, Double gte, Double lt) {
        return new SegmentRule(null, null, null, null, null, null, null, null, null, null, null,
                new SegmentRule.NumericCondition(field, gte, lt), null, null, null, null);
    }

    static SegmentRule event(String type, Channel channel, int withinDays, int minCount) {
        return new SegmentRule(null, null, null, null, null, null, null, null, null, null, null, null,
                new SegmentRule.EventCondition(type, channel, withinDays, minCount), null, null, null);
    }

    static SegmentRule hasProduct(String code) {
        return new SegmentRule(null, null, null, null, null, null, null, null, null, null, null, null, null, code, null,
                null);
    }

    static SegmentRule consentTo(Channel channel) {
        return new SegmentRule(null, null, null, null, null, null, null, null, null, null, null, null, null, null, channel,
                null);
    }

    static SegmentRule inSegment(String segmentGlobalId) {
        return SegmentRule.inSegment(segmentGlobalId);
    }
}
