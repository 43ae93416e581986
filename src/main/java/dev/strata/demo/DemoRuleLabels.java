package dev.strata.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

import dev.strata.customer.Customer;
import dev.strata.event.Event;
import dev.strata.label.Label;
import dev.strata.label.LabelCategory;
import dev.strata.label.LabelKind;
import dev.strata.rule.SegmentRule;
import dev.strata.shared.EventTypes;

/**
 * The e-banking groups as RULE labels over behaviour, and who is in each as the seeder writes a customer, so the
 * portraits carry them from the start and the RULE label upkeep finds nothing to change.
 */
final class DemoRuleLabels {

    static final String SOURCE = "RULE";
    static final Set<String> INVESTMENTS = Set.of("WM-CASH", "WM-STEADY-180", "FUND-BOND", "FUND-BALANCED", "FUND-EQUITY",
            "PB-EQUITY-FOF");
    static final BigDecimal WEALTH_AUM = BigDecimal.valueOf(200_000);

    /** A label, its rule, and when a customer (with their events, newest first) entered it, or null if they are not in it. */
    record Definition(String key, String name, String description, LabelCategory category, SegmentRule rule,
            BiFunction<Customer, Behaviour, Instant> entered) {
    }

    static final List<Definition> DEFINITIONS = List.of(
            new Definition("online-shopper", "网购达人", "近90天至少2笔网购消费", LabelCategory.INTEREST,
                    event(EventTypes.PURCHASE, 90, 2), (c, b) -> b.entered(EventTypes.PURCHASE, 90, 2)),
            new Definition("investor", "投资理财客户", "持有基金或理财产品，或近30天浏览产品至少3次", LabelCategory.VALUE,
                    or(investments(), event(EventTypes.VIEW_PRODUCT, 30, 3)),
                    (c, b) -> earliest(holdingSince(c, b.zone()), b.entered(EventTypes.VIEW_PRODUCT, 30, 3))),
            new Definition("frequent-transfer", "转账活跃", "近30天至少4笔转账", LabelCategory.BASIC,
                    event(EventTypes.TRANSFER, 30, 4), (c, b) -> b.entered(EventTypes.TRANSFER, 30, 4)),
            new Definition("bill-payer", "生活缴费客户", "近60天至少2笔生活缴费", LabelCategory.BASIC,
                    event(EventTypes.BILL_PAYMENT, 60, 2), (c, b) -> b.entered(EventTypes.BILL_PAYMENT, 60, 2)),
            new Definition("wealth-interest", "理财意向", "资产20万以上且近30天浏览产品至少2次", LabelCategory.INTEREST,
                    and(event(EventTypes.VIEW_PRODUCT, 30, 2), aumAtLeast(WEALTH_AUM.doubleValue())),
                    (c, b) -> c.assets().aum().compareTo(WEALTH_AUM) >= 0 ? b.entered(EventTypes.VIEW_PRODUCT, 30, 2) : null));

    private DemoRuleLabels() {
    }

    /** Label documents for the definitions, with IDs from their own demo ID stream. */
    static List<Label> documents(DemoIds ids, Instant now) {
        return DEFINITIONS.stream().map(d -> new Label(ids.next(), d.key(), d.name(), d.description(), d.category(),
                LabelKind.RULE, d.rule(), List.of(), now, DemoLabels.CREATED_BY)).toList();
    }

    /** The RULE labels this customer is in, as applied labels. */
    static List<Customer.AppliedLabel> carried(List<Label> labels, Customer customer, Behaviour behaviour) {
        List<Customer.AppliedLabel> applied = new ArrayList<>(2);
        for (int i = 0; i < DEFINITIONS.size(); i++) {
            Instant at = DEFINITIONS.get(i).entered().apply(customer, behaviour);
            if (at != null) {
                applied.add(new Customer.AppliedLabel(labels.get(i).id(), labels.get(i).key(), at, SOURCE));
            }
        }
        return applied;
    }

    /** A customer's events against "today": when a count in a window of days was (last) reached. */
    record Behaviour(List<Event> newestFirst, LocalDate today, ZoneId zone) {

        /**
         * When the customer's {@code minCount}-th event of the window's oldest ones happened, if the last
         * {@code withinDays} days (today included) hold at least {@code minCount} of {@code type}; else null.
         */
        Instant entered(String type, int withinDays, int minCount) {
            LocalDate first = today.minusDays(withinDays - 1L);
            List<Instant> inWindow = new ArrayList<>();
            for (Event event : newestFirst) {
                if (event.type().equals(type) && !event.occurredAt().atZone(zone).toLocalDate().isBefore(first)) {
                    inWindow.add(event.occurredAt());
                }
            }
            return inWindow.size() < minCount ? null : inWindow.get(inWindow.size() - minCount);
        }
    }

    private static Instant holdingSince(Customer customer, ZoneId zone) {
        return customer.products().stream().filter(p -> INVESTMENTS.contains(p.code()))
                .map(p -> p.openedAt().atTime(10, 0).atZone(zone).toInstant()).min(Instant::compareTo).orElse(null);
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static SegmentRule investments() {
        return or(INVESTMENTS.stream().sorted().map(DemoRules::hasProduct).toArray(SegmentRule[]::new));
    }

    private static SegmentRule event(String type, int withinDays, int minCount) {
        return DemoRules.event(type, null, withinDays, minCount);
    }

    private static SegmentRule or(SegmentRule... children) {
        return DemoRules.or(children);
    }

    private static SegmentRule and(SegmentRule... children) {
        return DemoRules.and(children);
    }

    private static SegmentRule aumAtLeast(double amount) {
        return DemoRules.numeric(dev.strata.rule.NumericField.AUM, amount, null);
    }
}
