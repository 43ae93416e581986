package dev.strata.performance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.strata.customer.Customer;
import dev.strata.shared.Tier;
import dev.strata.task.ServiceContacts;
import dev.strata.task.ServicePlan;

/** One RM's running counts while a report reads the stored documents; {@link #result} rounds them into the answer. */
final class Tally {

    final String managerCode;
    int customers;
    BigDecimal aum = BigDecimal.ZERO;
    BigDecimal aumGrowth = BigDecimal.ZERO;
    int upgrades;
    int downgrades;
    int contacts;
    int tasksDone;
    int tasksOnTime;
    int conversions;
    long cardVisits;
    long leads;
    int planCustomers;
    int planCovered;
    private final Map<Tier, int[]> scores = new EnumMap<>(Tier.class);
    private int answers;
    private int scoreSum;

    Tally(String managerCode) {
        this.managerCode = managerCode;
    }

    /** A customer of the book now: size, AUM, growth since the month of {@code from}, tier moves and plan coverage. */
    void book(Customer c, Period period, ServicePlan plan) {
        customers++;
        BigDecimal now = c.assets().aum() == null ? BigDecimal.ZERO : c.assets().aum();
        aum = aum.add(now);
        YearMonth start = YearMonth.from(period.from());
        for (Customer.MonthlyBalance month : c.balanceMonths()) {
            if (start.toString().equals(month.month()) && month.avgDailyAum() != null) {
                aumGrowth = aumGrowth.add(now.subtract(month.avgDailyAum()));
            }
        }
        for (Customer.TierChange change : c.tierHistory()) {
            if (change.to() != null && period.contains(change.at())) {
                Tier was = change.from() == null ? Tier.ORDINARY : change.from();
                if (change.to().compareTo(was) > 0) {
                    upgrades++;
                } else if (change.to().compareTo(was) < 0) {
                    downgrades++;
                }
            }
        }
        Integer days = plan.everyDays(c.tier());
        if (days != null) {
            planCustomers++;
            Instant last = ServiceContacts.lastContact(c.recentTouchpoints());
            if (last != null && !last.isBefore(period.judgedAt().minus(java.time.Duration.ofDays(days)))) {
                planCovered++;
            }
        }
    }

    void answer(Tier tier, int score) {
        answers++;
        scoreSum += score;
        int[] perTier = scores.computeIfAbsent(tier == null ? Tier.ORDINARY : tier, t -> new int[2]);
        perTier[0]++;
        perTier[1] += score;
    }

    ManagerPerformance result() {
        List<ManagerPerformance.TierSatisfaction> byTier = scores.entrySet().stream()
                .map(e -> new ManagerPerformance.TierSatisfaction(e.getKey(), e.getValue()[0],
                        round((double) e.getValue()[1] / e.getValue()[0])))
                .toList();
        return new ManagerPerformance(managerCode, 0, customers, aum.setScale(2, java.math.RoundingMode.HALF_UP),
                aumGrowth.setScale(2, java.math.RoundingMode.HALF_UP), upgrades, downgrades, contacts, tasksDone,
                tasksOnTime, conversions, cardVisits, leads, planCustomers, planCovered,
                planCustomers == 0 ? null : round((double) planCovered / planCustomers), answers,
                answers == 0 ? null : round((double) scoreSum / answers), byTier);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
