package dev.strata.event;

import dev.strata.shared.EventTypes;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.strata.customer.Customer;
import dev.strata.customer.CustomerWrites;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * What new events change on the portraits: the embedded last 20 events, the last login, and who
 * referred whom. Applied only to newly stored events, so a replayed batch changes nothing.
 */
@Component
class EventEffects {

    static final int RECENT = Customer.RecentEvent.KEPT;

    private final CustomerWrites writes;
    private final Referrals referrals;
    private final ApplicationEventPublisher publisher;

    EventEffects(CustomerWrites writes, Referrals referrals, ApplicationEventPublisher publisher) {
        this.writes = writes;
        this.referrals = referrals;
        this.publisher = publisher;
    }

    void apply(List<Event> inserted) {
        apply(inserted, Set.of());
    }

    /** Applies the events; the portraits of {@code portraitsWritten} already list theirs (written when they were created). */
    void apply(List<Event> inserted, Set<String> portraitsWritten) {
        if (inserted.isEmpty()) {
            return;
        }
        Map<String, List<Event>> byCustomer = inserted.stream().filter(e -> !portraitsWritten.contains(e.customerId()))
                .collect(Collectors.groupingBy(Event::customerId, LinkedHashMap::new, Collectors.toList()));
        Map<String, Update> updates = new LinkedHashMap<>();
        byCustomer.forEach((customerId, events) -> updates.put(customerId, portraitUpdate(new Update(), events)));
        writes.updateEach(updates);
        announce(inserted);
    }

    /** Tells the rest of the service (referrals, campaign triggers, goals, churn tasks) about newly stored events. */
    void announce(List<Event> inserted) {
        referrals.record(inserted);
        publisher.publishEvent(new EventsRecorded(inserted));
    }

    /**
     * Adds to {@code update} what one customer's new events change on the portrait: pushes the newest into the bounded
     * embedded list (the store sorts and trims) and moves the last login.
     */
    static Update portraitUpdate(Update update, List<Event> events) {
        Object[] recent = events.stream().sorted(Comparator.comparing(Event::occurredAt).reversed()).limit(RECENT)
                .map(Event::onPortrait).toArray();
        update.push("recentEvents").sort(Sort.by(Sort.Direction.DESC, "occurredAt")).slice(RECENT).each(recent);
        events.stream().filter(e -> EventTypes.LOGIN.equals(e.type())).map(Event::occurredAt).max(Comparator.naturalOrder())
                .ifPresent(lastLogin -> update.max("digital.lastLoginAt", lastLogin));
        return update;
    }
}
