package dev.strata.campaign;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The frequency cap and quiet hours every marketing send obeys; one document, changed by admins. */
@Document("contact_policy")
record ContactPolicy(@Id String id, int maxContacts, int perDays, String quietStart, String quietEnd, String timeZone) {

    static final ContactPolicy DEFAULT = new ContactPolicy("default", 3, 7, "21:00", "08:00", "Asia/Shanghai");

    /** When the quiet window that {@code at} falls in ends, or null when {@code at} is not in quiet hours. */
    Instant quietUntil(Instant at) {
        LocalTime start = LocalTime.parse(quietStart);
        LocalTime end = LocalTime.parse(quietEnd);
        if (start.equals(end)) {
            return null;
        }
        ZonedDateTime local = at.atZone(ZoneId.of(timeZone));
        LocalTime time = local.toLocalTime();
        boolean quiet = start.isBefore(end) ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
        if (!quiet) {
            return null;
        }
        ZonedDateTime until = local.with(end).withSecond(0).withNano(0);
        if (!until.isAfter(local)) {
            until = until.plusDays(1);
        }
        return until.toInstant();
    }
}
