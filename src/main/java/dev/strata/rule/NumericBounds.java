package dev.strata.rule;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import dev.strata.audience.Measure;

/**
 * Turns a numeric condition into a half-open range over an index column: money exact to the cent, and
 * ages and days since a login worked out from today, so they stay right as days pass.
 */
final class NumericBounds {

    /** Years and days are clamped here: no one is older, and nothing is further back. */
    private static final long MAX_YEARS = 200;
    private static final long MAX_DAYS = 100_000;

    private NumericBounds() {
    }

    /** A range over one column: gte <= v < lt, with Long.MIN_VALUE / Long.MAX_VALUE for an open side. */
    record Range(Measure measure, long gte, long lt) {
    }

    static Range of(SegmentRule.NumericCondition condition, LocalDate today) {
        Double gte = condition.gte();
        Double lt = condition.lt();
        return switch (condition.field()) {
            case AUM -> scaled(Measure.AUM, gte, lt, 2);
            case DEPOSITS -> scaled(Measure.DEPOSITS, gte, lt, 2);
            case LOANS -> scaled(Measure.LOANS, gte, lt, 2);
            case MONTHLY_AVG_DAILY_DEPOSIT -> scaled(Measure.MONTHLY_AVG_DAILY_DEPOSIT, gte, lt, 2);
            case CURRENT_VALUE -> scaled(Measure.CURRENT_VALUE, gte, lt, 2);
            case POTENTIAL_VALUE -> scaled(Measure.POTENTIAL_VALUE, gte, lt, 2);
            case LIFETIME_VALUE -> scaled(Measure.LIFETIME_VALUE, gte, lt, 2);
            case CHURN_RISK -> scaled(Measure.CHURN_RISK, gte, lt, 2);
            case PRODUCTS_HELD -> scaled(Measure.PRODUCTS_HELD, gte, lt, 0);
            case AGE -> age(gte, lt, today);
            case DAYS_SINCE_LAST_LOGIN -> daysSinceLogin(gte, lt, today);
        };
    }

    /** v >= x ⟺ v >= ceil(x) and v < x ⟺ v < ceil(x), for whole units of 10^-scale. */
    private static Range scaled(Measure measure, Double gte, Double lt, int scale) {
        return new Range(measure, gte == null ? Long.MIN_VALUE : ceil(gte, scale), lt == null ? Long.MAX_VALUE : ceil(lt, scale));
    }

    /** Age is whole years: age >= g ⟺ born on or before today minus g years; age < l ⟺ born after today minus l years. */
    private static Range age(Double gte, Double lt, LocalDate today) {
        long from = lt == null ? Long.MIN_VALUE : today.minusYears(clamp(ceil(lt, 0), MAX_YEARS)).toEpochDay() + 1;
        long to = gte == null ? Long.MAX_VALUE : today.minusYears(clamp(ceil(gte, 0), MAX_YEARS)).toEpochDay() + 1;
        return new Range(Measure.BIRTH_DAY, from, to);
    }

    /** Days since the last login d = today - day: d >= g ⟺ day <= today - g; d < l ⟺ day > today - l. */
    private static Range daysSinceLogin(Double gte, Double lt, LocalDate today) {
        long now = today.toEpochDay();
        long from = lt == null ? Long.MIN_VALUE : now - clamp(ceil(lt, 0), MAX_DAYS) + 1;
        long to = gte == null ? Long.MAX_VALUE : now - clamp(ceil(gte, 0), MAX_DAYS) + 1;
        return new Range(Measure.LAST_LOGIN_DAY, from, to);
    }

    private static long ceil(double value, int scale) {
        BigDecimal scaled = BigDecimal.valueOf(value).movePointRight(scale).setScale(0, RoundingMode.CEILING);
        if (scaled.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 4)) > 0) {
            return Long.MAX_VALUE / 4;
        }
        if (scaled.compareTo(BigDecimal.valueOf(Long.MIN_VALUE / 4)) < 0) {
            return Long.MIN_VALUE / 4;
        }
        return scaled.longValueExact();
    }

    private static long clamp(long value, long max) {
        return Math.max(-max, Math.min(max, value));
    }
}
