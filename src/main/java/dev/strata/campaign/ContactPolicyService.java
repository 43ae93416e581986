package dev.strata.campaign;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import dev.strata.graphql.UserError;
import dev.strata.security.Viewers;
import dev.strata.audit.AuditEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Reads and changes the contact policy; the runner reads a copy at most a second old. */
@Service
class ContactPolicyService {

    private final MongoTemplate mongo;
    private final ApplicationEventPublisher events;
    private volatile ContactPolicy cached;
    private volatile long cachedAtNanos;

    ContactPolicyService(MongoTemplate mongo, ApplicationEventPublisher events) {
        this.mongo = mongo;
        this.events = events;
    }

    record UpdateContactPolicyInput(Integer maxContacts, Integer perDays, String quietStart, String quietEnd,
            String timeZone) {
    }

    record UpdateContactPolicyPayload(ContactPolicy policy, List<UserError> userErrors) {
    }

    @PreAuthorize("isAuthenticated()")
    ContactPolicy read() {
        return load();
    }

    /** The policy for background work: cached for a second. */
    ContactPolicy current() {
        long now = System.nanoTime();
        if (cached == null || now - cachedAtNanos > 1_000_000_000L) {
            cached = load();
            cachedAtNanos = now;
        }
        return cached;
    }

    @PreAuthorize("hasRole('ADMIN')")
    UpdateContactPolicyPayload update(UpdateContactPolicyInput in) {
        ContactPolicy p = load();
        List<UserError> errors = new ArrayList<>();
        if (in.maxContacts() != null && (in.maxContacts() < 1 || in.maxContacts() > 20)) {
            errors.add(UserError.invalid("maxContacts must be 1-20", "maxContacts"));
        }
        if (in.perDays() != null && (in.perDays() < 1 || in.perDays() > 90)) {
            errors.add(UserError.invalid("perDays must be 1-90", "perDays"));
        }
        checkTime(in.quietStart(), "quietStart", errors);
        checkTime(in.quietEnd(), "quietEnd", errors);
        if (in.timeZone() != null) {
            try {
                if (in.timeZone().length() > 64) {
                    throw new DateTimeException("too long");
                }
                ZoneId.of(in.timeZone());
            } catch (DateTimeException e) {
                errors.add(UserError.invalid("timeZone must be a region ID such as Asia/Shanghai", "timeZone"));
            }
        }
        if (!errors.isEmpty()) {
            return new UpdateContactPolicyPayload(null, errors);
        }
        ContactPolicy next = new ContactPolicy("default", in.maxContacts() != null ? in.maxContacts() : p.maxContacts(),
                in.perDays() != null ? in.perDays() : p.perDays(), in.quietStart() != null ? in.quietStart() : p.quietStart(),
                in.quietEnd() != null ? in.quietEnd() : p.quietEnd(), in.timeZone() != null ? in.timeZone() : p.timeZone());
        mongo.save(next);
        cached = next;
        cachedAtNanos = System.nanoTime();
        events.publishEvent(new AuditEvent(Viewers.name(), "UPDATE_CONTACT_POLICY", "ContactPolicy:default", null));
        return new UpdateContactPolicyPayload(next, List.of());
    }

    private ContactPolicy load() {
        ContactPolicy stored = mongo.findById("default", ContactPolicy.class);
        return stored == null ? ContactPolicy.DEFAULT : stored;
    }

    private static void checkTime(String time, String field, List<UserError> errors) {
        if (time == null) {
            return;
        }
        try {
            if (time.length() != 5) {
                throw new DateTimeParseException("HH:mm", time, 0);
            }
            LocalTime.parse(time);
        } catch (DateTimeParseException e) {
            errors.add(UserError.invalid(field + " must be HH:mm", field));
        }
    }
}
