package dev.strata.demo;

import static dev.strata.demo.DemoRules.and;
import static dev.strata.demo.DemoRules.branchIn;
import static dev.strata.demo.DemoRules.consentTo;
import static dev.strata.demo.DemoRules.event;
import static dev.strata.demo.DemoRules.hasLabel;
import static dev.strata.demo.DemoRules.hasProduct;
import static dev.strata.demo.DemoRules.inSegment;
import static dev.strata.demo.DemoRules.lifecycleIn;
import static dev.strata.demo.DemoRules.managerIn;
import static dev.strata.demo.DemoRules.not;
import static dev.strata.demo.DemoRules.numeric;
import static dev.strata.demo.DemoRules.or;
import static dev.strata.demo.DemoRules.quadrantIn;
import static dev.strata.demo.DemoRules.riskLevelIn;
import static dev.strata.demo.DemoRules.sourceIn;
import static dev.strata.demo.DemoRules.tierIn;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.strata.graphql.GlobalId;
import dev.strata.rule.NumericField;
import dev.strata.rule.SegmentRule;
import dev.strata.segment.Segment;
import dev.strata.shared.Channel;
import dev.strata.shared.CustomerSource;
import dev.strata.shared.EventTypes;
import dev.strata.shared.LifecycleStage;
import dev.strata.shared.RiskLevel;
import dev.strata.shared.Tier;
import dev.strata.shared.ValueQuadrant;

/** A marketer's first segments, between them using every kind of rule condition, so the segment builder has examples. */
final class DemoSegments {

    static final String CREATED_BY = "marketer";

    private DemoSegments() {
    }

    /** The demo segments with IDs from their own demo ID stream; the last ones name earlier ones by {@code inSegment}. */
    static List<Segment> documents(DemoIds ids, Instant now) {
        List<Segment> segments = new ArrayList<>();
        Segment active = add(segments, ids.next(), "金卡以上近30天活跃", "金卡及以上、近30天登录过手机银行或小程序",
                and(tierIn(Tier.GOLD, Tier.PLATINUM, Tier.DIAMOND), event(EventTypes.LOGIN, null, 30, 1)), now);
        add(segments, ids.next(), "高净值不网购", "资产100万以上、不是网购达人：适合线下理财沙龙",
                and(numeric(NumericField.AUM, 1_000_000d, null), not(hasLabel("online-shopper"))), now);
        add(segments, ids.next(), "年轻网购族可推送", "22至35岁的网购达人，同意App推送",
                and(numeric(NumericField.AGE, 22d, 35d), hasLabel("online-shopper"), consentTo(Channel.APP_PUSH)), now);
        add(segments, ids.next(), "稳健型理财潜客", "风险等级C2–C3、有理财意向或投资习惯、尚未持有纯债基金",
                and(riskLevelIn(RiskLevel.C2, RiskLevel.C3), or(hasLabel("wealth-interest"), hasLabel("investor")),
                        not(hasProduct("FUND-BOND"))), now);
        add(segments, ids.next(), "沉睡客户唤醒", "衰退或沉睡、30天以上未登录、可短信触达",
                and(lifecycleIn(LifecycleStage.DECLINING, LifecycleStage.DORMANT),
                        numeric(NumericField.DAYS_SINCE_LAST_LOGIN, 30d, null), consentTo(Channel.SMS)), now);
        add(segments, ids.next(), "一支行外拓高潜客户", "BR01外拓或流量客户、高潜力象限、RM001–RM002 名下",
                and(branchIn("BR01"), sourceIn(CustomerSource.OUTREACH, CustomerSource.WALK_IN),
                        or(quadrantIn(ValueQuadrant.SUBOPTIMAL, ValueQuadrant.OPTIMAL), managerIn("RM001", "RM002"))), now);
        add(segments, ids.next(), "活跃金卡中的缴费客户", "「金卡以上近30天活跃」中近60天在小程序缴费至少2次",
                and(inSegment(GlobalId.encode("Segment", active.id())),
                        event(EventTypes.BILL_PAYMENT, Channel.MINI_PROGRAM, 60, 2)), now);
        return segments;
    }

    private static Segment add(List<Segment> segments, String id, String name, String description, SegmentRule rule,
            Instant now) {
        List<String> references = rule.segmentReferences().stream().map(ref -> GlobalId.localId(ref, "Segment")).toList();
        Segment segment = new Segment(id, name, description, rule, references, null, CREATED_BY, now, now);
        segments.add(segment);
        return segment;
    }
}
