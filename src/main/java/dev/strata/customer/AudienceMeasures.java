package dev.strata.customer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.strata.audience.Measure;
import org.bson.Document;
import org.bson.types.Decimal128;

/** Reads the numeric facts the audience index keeps off a stored customer document: money in cents, days, hundredths. */
final class AudienceMeasures {

    private AudienceMeasures() {
    }

    /** The measures a stored (or just written) customer document has values for; last logins are days in {@code zone}. */
    static Map<Measure, Long> of(Document customer, ZoneId zone) {
        Map<Measure, Long> measures = new EnumMap<>(Measure.class);
        Document assets = customer.get("assets", Document.class);
        if (assets != null) {
            put(measures, Measure.AUM, cents(assets.get("aum")));
            put(measures, Measure.DEPOSITS, cents(assets.get("deposits")));
            put(measures, Measure.LOANS, cents(assets.get("loans")));
            put(measures, Measure.MONTHLY_AVG_DAILY_DEPOSIT, cents(assets.get("monthlyAvgDailyDeposit")));
        }
        put(measures, Measure.BIRTH_DAY, epochDay(customer.get("birthDate"), ZoneOffset.UTC));
        Document digital = customer.get("digital", Document.class);
        if (digital != null) {
            put(measures, Measure.LAST_LOGIN_DAY, epochDay(digital.get("lastLoginAt"), zone));
        }
        Document value = customer.get("value", Document.class);
        if (value != null) {
            put(measures, Measure.CURRENT_VALUE, hundredths(value.get("currentValue")));
            put(measures, Measure.POTENTIAL_VALUE, hundredths(value.get("potentialValue")));
            put(measures, Measure.LIFETIME_VALUE, hundredths(value.get("lifetimeValue")));
            put(measures, Measure.CHURN_RISK, hundredths(value.get("churnRisk")));
        }
        // Holding no products is a value (0), not a missing one: the stored document leaves an empty list out.
        measures.put(Measure.PRODUCTS_HELD, customer.get("products") instanceof List<?> products ? (long) products.size() : 0L);
        return measures;
    }

    private static void put(Map<Measure, Long> measures, Measure measure, Long value) {
        if (value != null) {
            measures.put(measure, value);
        }
    }

    /** Money to whole cents, exactly (a stored amount has at most two decimals; more would round half-up). */
    static Long cents(Object amount) {
        BigDecimal decimal = decimal(amount);
        return decimal == null ? null : decimal.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** A score to hundredths, rounded half-up on its decimal form (12.345 is 1235). */
    static Long hundredths(Object score) {
        BigDecimal decimal = decimal(score);
        return decimal == null ? null : decimal.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof Decimal128 decimal128) {
            return decimal128.isNaN() || decimal128.isInfinite() ? null : decimal128.bigDecimalValue();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
        if (value instanceof Number number) {
            return BigDecimal.valueOf(number.longValue());
        }
        if (value instanceof String text) {
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** A stored date or instant as the epoch day it falls on in {@code zone}. */
    static Long epochDay(Object when, ZoneId zone) {
        if (when instanceof LocalDate date) {
            return date.toEpochDay();
        }
        Instant instant = when instanceof Date date ? date.toInstant() : when instanceof Instant at ? at : null;
        return instant == null ? null : instant.atZone(zone).toLocalDate().toEpochDay();
    }
}
