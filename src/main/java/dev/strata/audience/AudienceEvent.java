package dev.strata.audience;

/**
 * One event as the index counts it: which customer did what, on which channel (null when none), on which day
 * (epoch day in STRATA_TIME_ZONE). The ID makes recording it idempotent.
 */
public record AudienceEvent(String eventId, int seq, String type, String channel, int epochDay) {
}
