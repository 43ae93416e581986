package dev.strata.performance;

import java.math.BigDecimal;
import java.util.List;

import dev.strata.shared.Tier;

/** One RM's numbers over a period (考核), as {@code managerPerformance} reports them; README "Performance" defines each. */
public record ManagerPerformance(String managerCode, int rank, int customers, BigDecimal aum, BigDecimal aumGrowth,
        int upgrades, int downgrades, int contacts, int tasksDone, int tasksOnTime, int conversions, long cardVisits,
        long leads, int servicePlanCustomers, int servicePlanCovered, Double servicePlanCoverage, int surveyAnswers,
        Double satisfaction, List<TierSatisfaction> satisfactionByTier) {

    /** Survey answers and their average for the RM's customers of one tier (tier at the contact). */
    public record TierSatisfaction(Tier tier, int answers, double average) {
    }

    /** The same numbers at another rank. */
    ManagerPerformance ranked(int at) {
        return new ManagerPerformance(managerCode, at, customers, aum, aumGrowth, upgrades, downgrades, contacts, tasksDone,
                tasksOnTime, conversions, cardVisits, leads, servicePlanCustomers, servicePlanCovered, servicePlanCoverage,
                surveyAnswers, satisfaction, satisfactionByTier);
    }
}
