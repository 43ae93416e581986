package dev.strata.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.strata.shared.Tier;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One version of the scoring model: tier thresholds on the monthly average daily deposit, the retention months
 * before a downgrade, the scorecard's weights, the quadrant cut-offs and the churn-risk threshold. Versions are
 * never changed: a change is a new version, and every customer's score records the version that produced it.
 */
@Document("scoringModels")
public record ScoringModel(@Id int version, BigDecimal goldThreshold, BigDecimal platinumThreshold,
        BigDecimal diamondThreshold, int retentionMonths, List<Weight> weights, double currentValueCutoff,
        double potentialValueCutoff, double churnRiskThreshold, Instant createdAt, String createdBy) {

    /** How much one indicator counts in its score. */
    public record Weight(String indicator, double weight) {
        public String score() {
            Indicator known = Indicator.parse(indicator);
            return known == null ? null : known.score().name();
        }
    }

    /** Version 1: the defaults of DESIGN.md. */
    static ScoringModel defaults(Instant now) {
        List<Weight> weights = new ArrayList<>();
        for (Indicator indicator : Indicator.values()) {
            weights.add(new Weight(indicator.name(), indicator.defaultWeight()));
        }
        return new ScoringModel(1, BigDecimal.valueOf(50_000), BigDecimal.valueOf(500_000), BigDecimal.valueOf(6_000_000), 3,
                weights, 50, 50, 60, now, "system");
    }

    /** The weight of an indicator (0 when the model does not name it). */
    double weight(Indicator indicator) {
        for (Weight weight : weights) {
            if (weight.indicator().equals(indicator.name())) {
                return weight.weight();
            }
        }
        return 0;
    }

    /** The line a tier starts at; ORDINARY starts at zero. */
    BigDecimal threshold(Tier tier) {
        return switch (tier) {
            case ORDINARY -> BigDecimal.ZERO;
            case GOLD -> goldThreshold;
            case PLATINUM -> platinumThreshold;
            case DIAMOND -> diamondThreshold;
        };
    }

    /** The tier a monthly average daily deposit reaches: at or above a line is in. */
    Tier tierFor(BigDecimal monthlyAvgDailyDeposit) {
        if (monthlyAvgDailyDeposit == null) {
            return Tier.ORDINARY;
        }
        if (monthlyAvgDailyDeposit.compareTo(diamondThreshold) >= 0) {
            return Tier.DIAMOND;
        }
        if (monthlyAvgDailyDeposit.compareTo(platinumThreshold) >= 0) {
            return Tier.PLATINUM;
        }
        return monthlyAvgDailyDeposit.compareTo(goldThreshold) >= 0 ? Tier.GOLD : Tier.ORDINARY;
    }
}
