package dev.strata.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

import dev.strata.shared.Tier;

/**
 * The tier rule as one pure function: an upgrade takes effect at once on the current month's figure; a downgrade
 * only after every one of the last {@code retentionMonths} closed months (since the customer entered the tier) was
 * below the tier's line, and then to the highest tier any of those months (or the current one) reached.
 */
final class TierRule {

    private TierRule() {
    }

    /** A change of tier and why, in plain words. */
    record Decision(Tier from, Tier to, String reason) {
    }

    /**
     * @param figures     the monthly average daily deposit per month; a month without a figure carries the last before it
     * @param current     the current month's figure (the latest known), or null if none was ever known
     * @param enteredTier the month the customer entered their tier (its last change), null if never changed
     * @return the change, or null when the tier stays
     */
    static Decision decide(ScoringModel model, Tier tier, YearMonth enteredTier, NavigableMap<YearMonth, BigDecimal> figures,
            BigDecimal current, YearMonth month) {
        Tier reached = model.tierFor(current);
        if (current != null && reached.compareTo(tier) > 0) {
            return new Decision(tier, reached, "monthly average daily deposit " + amount(current) + " ≥ " + reached + " "
                    + line(model.threshold(reached)));
        }
        if (tier == Tier.ORDINARY) {
            return null;
        }
        BigDecimal line = model.threshold(tier);
        Tier best = reached;
        List<String> months = new ArrayList<>();
        for (int back = model.retentionMonths(); back >= 1; back--) {
            YearMonth closed = month.minusMonths(back);
            if (enteredTier != null && closed.isBefore(enteredTier)) {
                return null;
            }
            BigDecimal figure = figureOf(figures, closed);
            if (figure == null || figure.compareTo(line) >= 0) {
                return null;
            }
            Tier then = model.tierFor(figure);
            best = then.compareTo(best) > 0 ? then : best;
            months.add(closed + " " + amount(figure));
        }
        if (model.retentionMonths() == 0 && (current == null || current.compareTo(line) >= 0)) {
            return null;
        }
        String why = model.retentionMonths() == 0 ? "monthly average daily deposit " + amount(current) + " < " + tier + " "
                + line(line) + " and no retention months"
                : "monthly average daily deposit below " + tier + " " + line(line) + " for " + model.retentionMonths()
                        + " closed months in a row (" + String.join(", ", months) + ")";
        return new Decision(tier, best, why);
    }

    /** The figure of {@code month}: its own, or the last one before it; null when none is known by then. */
    static BigDecimal figureOf(NavigableMap<YearMonth, BigDecimal> figures, YearMonth month) {
        Map.Entry<YearMonth, BigDecimal> entry = figures.floorEntry(month);
        return entry == null ? null : entry.getValue();
    }

    /** An amount as reasons and explanations write it: grouped in thousands, two decimals ("62,310.50"). */
    static String amount(BigDecimal amount) {
        return grouped(amount.setScale(2, RoundingMode.HALF_EVEN));
    }

    /** A threshold as reasons write it: grouped, decimals only where it has them ("50,000", "49,999.5"). */
    static String line(BigDecimal amount) {
        BigDecimal rounded = amount.setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return grouped(rounded.scale() < 0 ? rounded.setScale(0) : rounded);
    }

    /** Commas between thousands, by hand: a DecimalFormat per call cost scoring a tenth of its time. */
    private static String grouped(BigDecimal amount) {
        String plain = amount.abs().toPlainString();
        int dot = plain.indexOf('.');
        int whole = dot < 0 ? plain.length() : dot;
        StringBuilder out = new StringBuilder(plain.length() + whole / 3 + 1);
        if (amount.signum() < 0) {
            out.append('-');
        }
        int lead = whole % 3 == 0 ? 3 : whole % 3;
        out.append(plain, 0, lead);
        for (int i = lead; i < whole; i += 3) {
            out.append(',').append(plain, i, i + 3);
        }
        return out.append(plain, whole, plain.length()).toString();
    }
}
