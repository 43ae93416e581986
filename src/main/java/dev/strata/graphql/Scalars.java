package dev.strata.graphql;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import graphql.schema.GraphQLScalarType;

/** The API's custom scalars: DateTime, Date, Decimal and Duration. */
final class Scalars {

    private Scalars() {
    }

    /** ISO-8601 instants with offset; rendered in the bank's zone, accepted in any. */
    static GraphQLScalarType dateTime(ZoneId zone) {
        return StringScalar.scalar("DateTime", "ISO-8601 date-time with offset, e.g. 2026-11-23T09:30:00+08:00",
                Instant.class, text -> OffsetDateTime.parse(text).toInstant(), value -> {
                    Instant instant = value instanceof OffsetDateTime odt ? odt.toInstant() : (Instant) value;
                    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone).toOffsetDateTime());
                }, false);
    }

    static GraphQLScalarType date() {
        return StringScalar.scalar("Date", "ISO-8601 calendar date, e.g. 2026-11-23", LocalDate.class,
                LocalDate::parse, value -> ((LocalDate) value).toString(), false);
    }

    /** Money travels as a string so no client loses a cent to floating point. */
    static GraphQLScalarType decimal() {
        return StringScalar.scalar("Decimal", "Exact decimal as a JSON string, e.g. \"12345.67\"", BigDecimal.class,
                BigDecimal::new, value -> toBigDecimal(value).toPlainString(), true);
    }

    static GraphQLScalarType duration() {
        return StringScalar.scalar("Duration", "ISO-8601 duration, e.g. P2D or PT6H", Duration.class,
                Duration::parse, value -> value.toString(), false);
    }

    private static BigDecimal toBigDecimal(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof org.bson.types.Decimal128 decimal128) {
            return decimal128.bigDecimalValue();
        }
        return new BigDecimal(value.toString());
    }
}
