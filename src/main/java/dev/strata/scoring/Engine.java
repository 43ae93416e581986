package dev.strata.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

import dev.strata.customer.Customer;
import dev.strata.shared.LifecycleStage;
import dev.strata.shared.Tier;

/**
 * Scores one customer: tier (with retention), value scorecard, churn risk and lifecycle, all from its facts, the
 * model and the time. Pure: it says what changed, and callers write it (to the store, or to a demo portrait).
 */
final class Engine {

    /** How many months of judged deposit figures a customer keeps. */
    static final int KEPT_MONTHS = 24;

    private Engine() {
    }

    /**
     * What scoring changes on a customer; each field is null when it stays as it is.
     *
     * @param value         the new verdict, when any score or the quadrant moved
     * @param depositMonths the judged deposit figures, when the current month's figure is new
     */
    record Result(Facts facts, TierRule.Decision tierChange, Customer.CustomerValue value, LifecycleStage stage,
            List<Customer.DepositMonth> depositMonths, Integer peakProducts, boolean churnHigh, boolean churnCrossedUp,
            Scorecard.Scores scores) {

        /** The stage after scoring, changed or not. */
        LifecycleStage stageNow() {
            return stage == null ? facts.lifecycleStage() : stage;
        }

        boolean changed() {
            return tierChange != null || value != null || stage != null || depositMonths != null || peakProducts != null
                    || labelChange();
        }

        /** Whether the high-churn-risk label must go on (true), come off (false), or neither (null). */
        boolean labelChange() {
            return churnHigh != facts.hasChurnLabel();
        }
    }

    static Result score(Facts f, ScoringModel model, Instant now, ZoneId zone, Catalogue catalogue) {
        YearMonth month = YearMonth.from(now.atZone(zone));
        Scorecard.World world = new Scorecard.World(now.atZone(zone).toLocalDate(), now, month, catalogue);
        NavigableMap<YearMonth, BigDecimal> figures = figures(f, month);
        YearMonth entered = f.lastTierChangeAt() == null ? null : YearMonth.from(f.lastTierChangeAt().atZone(zone));
        TierRule.Decision tier = TierRule.decide(model, f.tier(), entered, figures, f.monthlyAvgDailyDeposit(), month);
        Scorecard.Scores scores = Scorecard.score(f, model, world, figures);
        Customer.CustomerValue old = f.value();
        boolean valueMoved = !Objects.equals(old.currentValue(), scores.currentValue())
                || !Objects.equals(old.potentialValue(), scores.potentialValue())
                || !Objects.equals(old.lifetimeValue(), scores.lifetimeValue())
                || !Objects.equals(old.churnRisk(), scores.churnRisk()) || old.quadrant() != scores.quadrant();
        Customer.CustomerValue value = valueMoved ? new Customer.CustomerValue(scores.currentValue(), scores.potentialValue(),
                scores.lifetimeValue(), scores.churnRisk(), scores.quadrant(), now, model.version()) : null;
        LifecycleStage stage = LifecycleRule.stage(f, world, figures);
        int held = f.productCodes().size();
        Integer peak = held > f.peakProducts() ? held : null;
        boolean high = scores.churnRisk() >= model.churnRiskThreshold();
        // Crossing is judged by the label, so a lowered threshold alerts those it newly puts at or above it.
        boolean wasHigh = f.hasChurnLabel();
        return new Result(f, tier, value, stage == f.lifecycleStage() ? null : stage, depositMonths(f, figures, month),
                peak, high, high && !wasHigh, scores);
    }

    /**
     * The figure per month: the balance ledger's average where it has one, else the figure judged then; the current
     * month's is the latest reported (the feed's or the ledger's).
     */
    static NavigableMap<YearMonth, BigDecimal> figures(Facts f, YearMonth month) {
        NavigableMap<YearMonth, BigDecimal> figures = new TreeMap<>();
        for (Customer.DepositMonth judged : f.depositMonths()) {
            if (judged.month() != null && judged.avgDailyDeposit() != null) {
                figures.put(YearMonth.parse(judged.month()), judged.avgDailyDeposit());
            }
        }
        for (Customer.MonthlyBalance ledger : f.balanceMonths()) {
            if (ledger.month() != null && ledger.avgDailyDeposit() != null) {
                figures.put(YearMonth.parse(ledger.month()), ledger.avgDailyDeposit());
            }
        }
        figures.tailMap(month, false).clear();
        if (f.monthlyAvgDailyDeposit() != null) {
            figures.put(month, f.monthlyAvgDailyDeposit());
        }
        return figures;
    }

    /** The judged figures with this month's added, when it differs from what the month would carry; null if unchanged. */
    private static List<Customer.DepositMonth> depositMonths(Facts f, NavigableMap<YearMonth, BigDecimal> figures,
            YearMonth month) {
        BigDecimal current = f.monthlyAvgDailyDeposit();
        if (current == null) {
            return null;
        }
        List<Customer.DepositMonth> kept = new ArrayList<>();
        BigDecimal carried = null;
        for (Customer.DepositMonth judged : f.depositMonths()) {
            if (judged.month() == null) {
                continue;
            }
            YearMonth at = YearMonth.parse(judged.month());
            if (at.isBefore(month)) {
                kept.add(judged);
                carried = judged.avgDailyDeposit();
            } else if (at.equals(month) && judged.avgDailyDeposit() != null
                    && judged.avgDailyDeposit().compareTo(current) == 0) {
                return null;
            }
        }
        if (carried != null && carried.compareTo(current) == 0 && f.depositMonths().size() == kept.size()) {
            return null;
        }
        kept.add(new Customer.DepositMonth(month.toString(), current));
        return kept.size() > KEPT_MONTHS ? List.copyOf(kept.subList(kept.size() - KEPT_MONTHS, kept.size())) : kept;
    }

    /** The tier history entry of a decision. */
    static Customer.TierChange change(TierRule.Decision decision, Instant at) {
        return new Customer.TierChange(decision.from(), decision.to(), at, decision.reason());
    }

    static Tier tierAfter(Result result) {
        return result.tierChange() == null ? result.facts().tier() : result.tierChange().to();
    }
}
