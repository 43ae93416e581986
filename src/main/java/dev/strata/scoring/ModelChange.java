package dev.strata.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.strata.graphql.UserError;

/**
 * Validates {@code updateScoringModel}'s input against the model in force and builds the next version: every
 * rule is checked before anything is built, so a refused change leaves nothing half-applied.
 */
final class ModelChange {

    static final int MAX_RETENTION_MONTHS = 24;

    private ModelChange() {
    }

    /** Input of {@code updateScoringModel}: every field optional, what is left out keeps its value. */
    record Input(BigDecimal goldThreshold, BigDecimal platinumThreshold, BigDecimal diamondThreshold, Integer retentionMonths,
            List<WeightInput> weights, Double currentValueCutoff, Double potentialValueCutoff, Double churnRiskThreshold) {
    }

    /** One indicator's new weight. */
    record WeightInput(String indicator, Double weight) {
    }

    /** The next version, or the reasons it is refused. */
    record Result(ScoringModel model, List<UserError> userErrors) {
    }

    static Result apply(ScoringModel current, Input input, Instant now, String by) {
        List<UserError> errors = new ArrayList<>();
        BigDecimal gold = or(input.goldThreshold(), current.goldThreshold());
        BigDecimal platinum = or(input.platinumThreshold(), current.platinumThreshold());
        BigDecimal diamond = or(input.diamondThreshold(), current.diamondThreshold());
        if (gold.signum() <= 0) {
            errors.add(UserError.invalid("goldThreshold must be above 0", "goldThreshold"));
        }
        if (platinum.compareTo(gold) <= 0) {
            errors.add(UserError.invalid("thresholds must be strictly ascending: platinumThreshold above goldThreshold",
                    "platinumThreshold"));
        }
        if (diamond.compareTo(platinum) <= 0) {
            errors.add(UserError.invalid("thresholds must be strictly ascending: diamondThreshold above platinumThreshold",
                    "diamondThreshold"));
        }
        int retention = input.retentionMonths() == null ? current.retentionMonths() : input.retentionMonths();
        if (retention < 0 || retention > MAX_RETENTION_MONTHS) {
            errors.add(UserError.invalid("retentionMonths must be between 0 and " + MAX_RETENTION_MONTHS, "retentionMonths"));
        }
        double currentCutoff = percent(input.currentValueCutoff(), current.currentValueCutoff(), "currentValueCutoff", errors);
        double potentialCutoff = percent(input.potentialValueCutoff(), current.potentialValueCutoff(), "potentialValueCutoff",
                errors);
        double churnThreshold = percent(input.churnRiskThreshold(), current.churnRiskThreshold(), "churnRiskThreshold", errors);
        List<ScoringModel.Weight> weights = weights(current, input.weights(), errors);
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        return new Result(new ScoringModel(current.version() + 1, gold, platinum, diamond, retention, weights, currentCutoff,
                potentialCutoff, churnThreshold, now, by), List.of());
    }

    private static List<ScoringModel.Weight> weights(ScoringModel current, List<WeightInput> changes, List<UserError> errors) {
        double[] values = new double[Indicator.values().length];
        for (Indicator indicator : Indicator.values()) {
            values[indicator.ordinal()] = current.weight(indicator);
        }
        if (changes != null) {
            Set<Indicator> seen = new HashSet<>();
            for (int i = 0; i < changes.size(); i++) {
                WeightInput change = changes.get(i);
                Indicator indicator = Indicator.parse(change.indicator());
                String index = String.valueOf(i);
                if (indicator == null) {
                    errors.add(UserError.invalid("unknown indicator; one of " + List.of(Indicator.values()), "weights", index,
                            "indicator"));
                } else if (!seen.add(indicator)) {
                    errors.add(UserError.invalid("indicator named twice", "weights", index, "indicator"));
                } else if (change.weight() == null || !Double.isFinite(change.weight()) || change.weight() < 0) {
                    errors.add(UserError.invalid("weight must be a non-negative number", "weights", index, "weight"));
                } else {
                    values[indicator.ordinal()] = change.weight();
                }
            }
        }
        for (Indicator.Score score : Indicator.Score.values()) {
            double sum = 0;
            for (Indicator indicator : Indicator.values()) {
                if (indicator.score() == score && !indicator.subtracts()) {
                    sum += values[indicator.ordinal()];
                }
            }
            if (sum <= 0) {
                errors.add(UserError.invalid("the weights of " + score + " must not all be zero", "weights"));
            }
        }
        List<ScoringModel.Weight> weights = new ArrayList<>();
        for (Indicator indicator : Indicator.values()) {
            weights.add(new ScoringModel.Weight(indicator.name(), values[indicator.ordinal()]));
        }
        return weights;
    }

    private static double percent(Double value, double fallback, String field, List<UserError> errors) {
        if (value == null) {
            return fallback;
        }
        if (!Double.isFinite(value) || value < 0 || value > 100) {
            errors.add(UserError.invalid(field + " must be between 0 and 100", field));
            return fallback;
        }
        return value;
    }

    private static BigDecimal or(BigDecimal value, BigDecimal fallback) {
        return value != null ? value : fallback;
    }
}
