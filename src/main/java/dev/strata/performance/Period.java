package dev.strata.performance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import dev.strata.graphql.BadRequestException;

/** A report's days [from, to] in STRATA_TIME_ZONE as instants [start, end); plan coverage is judged at its end (or now). */
record Period(LocalDate from, LocalDate to, Instant start, Instant end, Instant judgedAt) {

    static final int MAX_DAYS = 366;

    static Period of(LocalDate from, LocalDate to, ZoneId zone, Clock clock) {
        if (to.isBefore(from)) {
            throw new BadRequestException("to is before from");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to.plusDays(1))) {
            throw new BadRequestException("a period is at most " + MAX_DAYS + " days");
        }
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        Instant now = clock.instant();
        return new Period(from, to, start, end, now.isBefore(end) ? now : end);
    }

    boolean contains(Instant at) {
        return at != null && !at.isBefore(start) && at.isBefore(end);
    }

    Duration length() {
        return Duration.between(start, end);
    }
}
