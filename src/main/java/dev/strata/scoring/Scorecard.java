package dev.strata.scoring;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;

import dev.strata.shared.ValueQuadrant;

/**
 * The value scorecard and churn risk as pure functions of a customer's facts and the model: each indicator is a
 * sub-score from 0 to 1 (see README "Scoring"), each score 100 × the weighted mean of its indicators.
 */
final class Scorecard {

    private Scorecard() {
    }

    /** One indicator's part in a score: what it saw, its sub-score (0-100), weight and contribution (points). */
    record Contribution(String score, String indicator, String input, double indicatorScore, double weight,
            double contribution) {
    }

    /** All four scores, the quadrant, and every indicator's contribution. */
    record Scores(double currentValue, double potentialValue, double lifetimeValue, double churnRisk, ValueQuadrant quadrant,
            List<Contribution> contributions) {
    }

    /** What the scorecard knows of the world beyond the customer. */
    record World(LocalDate today, Instant now, YearMonth month, Catalogue catalogue) {
    }

    static Scores score(Facts f, ScoringModel model, World world, NavigableMap<YearMonth, BigDecimal> figures) {
        List<Contribution> parts = new ArrayList<>();
        double[] sub = new double[Indicator.values().length];
        String[] inputs = new String[sub.length];
        BigDecimal aum = zero(f.aum());
        BigDecimal deposits = zero(f.deposits());
        BigDecimal assets = aum.max(deposits);
        set(sub, inputs, Indicator.ASSET_CONTRIBUTION, logScale(assets, 1_000, 10_000_000), "AUM " + TierRule.amount(assets));
        set(sub, inputs, Indicator.DEBT_BUSINESS, logScale(zero(f.loans()), 1_000, 5_000_000),
                "loans " + TierRule.amount(zero(f.loans())));
        set(sub, inputs, Indicator.FEE_INCOME, logScale(zero(f.annualFeeIncome()), 100, 200_000),
                "annual fee income " + TierRule.amount(zero(f.annualFeeIncome())));
        boolean isNew = tenureStart(f) != null && tenureStart(f).plusMonths(12).isAfter(world.today());
        BigDecimal cost = zero(isNew ? f.acquisitionCost() : f.maintenanceCost());
        set(sub, inputs, Indicator.COST, logScale(cost, 100, 50_000),
                (isNew ? "acquisition cost " : "maintenance cost ") + TierRule.amount(cost));
        int held = f.productCodes().size();
        set(sub, inputs, Indicator.PRODUCT_HEADROOM, world.catalogue().headroom(f.productCodes()),
                held + " of " + world.catalogue().size() + " catalogue products held");
        boolean recentLogin = f.lastLoginAt() != null && Duration.between(f.lastLoginAt(), world.now()).toDays() <= 30;
        set(sub, inputs, Indicator.DIGITAL_ENGAGEMENT, (f.appRegistered() ? 0.4 : 0) + (f.miniProgramBound() ? 0.2 : 0)
                + (recentLogin ? 0.4 : 0), "app " + yes(f.appRegistered()) + ", mini-program " + yes(f.miniProgramBound())
                + ", login in 30 days " + yes(recentLogin));
        BigDecimal investments = aum.subtract(deposits).max(BigDecimal.ZERO);
        set(sub, inputs, Indicator.FINANCIAL_ASSETS, logScale(investments, 1_000, 5_000_000),
                "investments " + TierRule.amount(investments));
        Integer age = f.birthDate() == null ? null : Period.between(f.birthDate(), world.today()).getYears();
        set(sub, inputs, Indicator.AGE, ageScore(age), age == null ? "age unknown" : "age " + age);
        set(sub, inputs, Indicator.AUM_DECLINE, decline(pastAum(f, world.month()), aum), "AUM 3 months ago "
                + text(pastAum(f, world.month())) + ", now " + TierRule.amount(aum));
        BigDecimal pastDeposit = TierRule.figureOf(figures, world.month().minusMonths(3));
        BigDecimal nowDeposit = f.monthlyAvgDailyDeposit();
        set(sub, inputs, Indicator.DEPOSIT_DECLINE, decline(pastDeposit, zero(nowDeposit)),
                "monthly average daily deposit 3 months ago " + text(pastDeposit) + ", now " + text(nowDeposit));
        Long loginDays = f.lastLoginAt() == null ? null : Duration.between(f.lastLoginAt(), world.now()).toDays();
        set(sub, inputs, Indicator.LOGIN_RECENCY, loginScore(loginDays, f.appRegistered()),
                loginDays == null ? "never logged in" : loginDays + " days since the last login");
        int closed = Math.max(0, f.peakProducts() - held);
        set(sub, inputs, Indicator.CLOSED_PRODUCTS, Math.min(1, closed / 2.0), closed + " products closed (held at most "
                + Math.max(f.peakProducts(), held) + ", now " + held + ")");
        Long silentDays = f.lastActivityAt() == null ? null : Duration.between(f.lastActivityAt(), world.now()).toDays();
        set(sub, inputs, Indicator.EVENT_SILENCE, silenceScore(silentDays),
                silentDays == null ? "no events" : silentDays + " days since the last event");
        double current = clamp(weighted(Indicator.Score.CURRENT_VALUE, sub, inputs, model, parts, 0, 0));
        double potential = clamp(weighted(Indicator.Score.POTENTIAL_VALUE, sub, inputs, model, parts, 0, 0));
        sub[Indicator.CURRENT.ordinal()] = current / 100;
        inputs[Indicator.CURRENT.ordinal()] = "current value " + current;
        sub[Indicator.POTENTIAL.ordinal()] = potential / 100;
        inputs[Indicator.POTENTIAL.ordinal()] = "potential value " + potential;
        double lifetime = clamp(weighted(Indicator.Score.LIFETIME_VALUE, sub, inputs, model, parts, 0, 0));
        double churn = clamp(weighted(Indicator.Score.CHURN_RISK, sub, inputs, model, parts, 0, 0));
        return new Scores(current, potential, lifetime, churn, quadrant(current, potential, model), parts);
    }

    static ValueQuadrant quadrant(double current, double potential, ScoringModel model) {
        boolean highCurrent = current >= model.currentValueCutoff();
        boolean highPotential = potential >= model.potentialValueCutoff();
        if (highCurrent) {
            return highPotential ? ValueQuadrant.OPTIMAL : ValueQuadrant.GENERAL;
        }
        return highPotential ? ValueQuadrant.SUBOPTIMAL : ValueQuadrant.LOW_VALUE;
    }

    /** 100 × (Σ weight × sub-score, costs subtracted) / Σ weight of the indicators that count for the score; one decimal. */
    private static double weighted(Indicator.Score score, double[] sub, String[] inputs, ScoringModel model,
            List<Contribution> parts, double sum, double weights) {
        for (Indicator indicator : Indicator.values()) {
            if (indicator.score() == score && !indicator.subtracts()) {
                weights += model.weight(indicator);
            }
        }
        for (Indicator indicator : Indicator.values()) {
            if (indicator.score() != score) {
                continue;
            }
            double weight = model.weight(indicator);
            double points = weights == 0 ? 0 : 100 * weight * sub[indicator.ordinal()] / weights;
            points = indicator.subtracts() ? -points : points;
            sum += points;
            parts.add(new Contribution(score.name(), indicator.name(), inputs[indicator.ordinal()],
                    round(100 * sub[indicator.ordinal()]), weight, round(points)));
        }
        return round(sum);
    }

    /** When the relationship began: the first product opened, else the customer's creation. */
    static LocalDate tenureStart(Facts f) {
        LocalDate created = f.createdAt() == null ? null : LocalDate.ofInstant(f.createdAt(), java.time.ZoneOffset.UTC);
        if (f.firstProductOpened() == null) {
            return created;
        }
        return created == null || f.firstProductOpened().isBefore(created) ? f.firstProductOpened() : created;
    }

    /** The average daily AUM of the month three months back, from the balance ledger; null when unknown. */
    static BigDecimal pastAum(Facts f, YearMonth month) {
        String wanted = month.minusMonths(3).toString();
        return f.balanceMonths().stream().filter(m -> wanted.equals(m.month())).map(m -> m.avgDailyAum()).findFirst()
                .orElse(null);
    }

    /** A fall from {@code past} to {@code now}: 0 when none, 1 at a fall of half or more. */
    static double decline(BigDecimal past, BigDecimal now) {
        if (past == null || past.signum() <= 0) {
            return 0;
        }
        double fall = past.subtract(now).doubleValue() / past.doubleValue();
        return Math.max(0, Math.min(1, fall / 0.5));
    }

    /** 0 at or below 0, then log10(1 + x/unit) / log10(1 + cap/unit), 1 from {@code cap} up. */
    static double logScale(BigDecimal amount, double unit, double cap) {
        double x = amount.doubleValue();
        return x <= 0 ? 0 : Math.min(1, Math.log10(1 + x / unit) / Math.log10(1 + cap / unit));
    }

    static double ageScore(Integer age) {
        if (age == null) {
            return 0.5;
        }
        return age < 25 ? 0.6 : age < 35 ? 0.9 : age < 45 ? 1.0 : age < 55 ? 0.8 : age < 65 ? 0.5 : 0.3;
    }

    static double loginScore(Long days, boolean appRegistered) {
        if (days == null) {
            return appRegistered ? 1.0 : 0.5;
        }
        return days <= 7 ? 0 : days <= 30 ? 0.2 : days <= 90 ? 0.5 : days <= 180 ? 0.8 : 1.0;
    }

    static double silenceScore(Long days) {
        if (days == null) {
            return 0.5;
        }
        return days <= 30 ? 0 : days <= 60 ? 0.3 : days <= 90 ? 0.6 : 1.0;
    }

    private static void set(double[] sub, String[] inputs, Indicator indicator, double value, String input) {
        sub[indicator.ordinal()] = value;
        inputs[indicator.ordinal()] = input;
    }

    private static double clamp(double score) {
        return Math.max(0, Math.min(100, score));
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static BigDecimal zero(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
    }

    private static String text(BigDecimal amount) {
        return amount == null ? "unknown" : TierRule.amount(amount);
    }

    private static String yes(boolean value) {
        return value ? "yes" : "no";
    }
}
