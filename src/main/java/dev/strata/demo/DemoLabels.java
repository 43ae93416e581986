package dev.strata.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

import dev.strata.customer.Customer;
import dev.strata.shared.RiskLevel;
import dev.strata.label.Label;
import dev.strata.label.LabelCategory;
import dev.strata.label.LabelKind;

/** The handful of MANUAL labels a demo bank's staff would have applied, and who plausibly carries each. */
final class DemoLabels {

    static final String SOURCE = "DEMO";
    static final String CREATED_BY = "demo";

    /** What a label rule may look at. */
    record Facts(int age, double aum, RiskLevel riskLevel) {
    }

    /** A label and the chance that a customer with given facts carries it. */
    record Definition(String key, String name, String description, LabelCategory category, ToDoubleFunction<Facts> chance) {
    }

    static final List<Definition> DEFINITIONS = List.of(
            new Definition("payroll-client", "代发工资客户", "工资由本行代发", LabelCategory.BASIC,
                    f -> f.age() < 60 ? 0.15 : 0),
            new Definition("pension-client", "养老金客户", "养老金由本行发放", LabelCategory.BASIC,
                    f -> f.age() >= 55 ? 0.4 : 0),
            new Definition("vip-watch", "重点关注客户", "客户经理重点维护的客户", LabelCategory.RELATIONSHIP,
                    f -> f.aum() >= 500_000 ? 0.5 : 0.01),
            new Definition("fund-interest", "基金偏好", "对基金产品表现出兴趣", LabelCategory.INTEREST,
                    f -> f.riskLevel() != null && f.riskLevel().compareTo(RiskLevel.C3) >= 0 ? 0.2 : 0.02),
            new Definition("mortgage-interest", "房贷意向", "近期咨询过住房贷款", LabelCategory.INTEREST,
                    f -> f.age() >= 25 && f.age() <= 45 ? 0.08 : 0.01),
            new Definition("private-banking-lead", "私行潜客", "资产接近私人银行门槛", LabelCategory.VALUE,
                    f -> f.aum() >= 3_000_000 ? 0.6 : f.aum() >= 1_000_000 ? 0.3 : 0),
            new Definition("complaint-history", "有投诉记录", "近一年内有过投诉", LabelCategory.RISK, f -> 0.02),
            new Definition("salon-invitee", "理财沙龙邀约", "已邀约参加线下理财沙龙", LabelCategory.MARKETING,
                    f -> f.aum() >= 50_000 ? 0.12 : 0.03));

    private final Map<String, Label> stored;
    private final SplittableRandom random;

    /** @param stored the label actually stored for each key (an existing label of the same key wins) */
    DemoLabels(Map<String, Label> stored, SplittableRandom random) {
        this.stored = stored;
        this.random = random;
    }

    /** New label documents for the definitions, with ids from the demo id stream. */
    static List<Label> documents(DemoIds ids, Instant now) {
        return DEFINITIONS.stream().map(d -> new Label(ids.next(), d.key(), d.name(), d.description(), d.category(),
                LabelKind.MANUAL, null, List.of(), now, CREATED_BY)).toList();
    }

    /** The labels this customer carries, each applied some days before {@code now}. */
    List<Customer.AppliedLabel> pick(Facts facts, Instant now) {
        List<Customer.AppliedLabel> applied = new ArrayList<>(2);
        for (Definition definition : DEFINITIONS) {
            if (random.nextDouble() < definition.chance().applyAsDouble(facts)) {
                Label label = stored.get(definition.key());
                Instant at = now.minusSeconds(86_400L + random.nextLong(300L * 86_400));
                applied.add(new Customer.AppliedLabel(label.id(), label.key(), at, SOURCE));
            }
        }
        return applied;
    }
}
