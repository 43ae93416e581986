package dev.strata.event;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

/**
 * Events the system records on customers (a tier change, a churn-risk alert), stored and applied exactly like tracked
 * ones, so they show on the portrait and feed segments and campaign triggers alike.
 */
@Component
public class SystemEvents {

    private final EventStore store;
    private final EventEffects effects;
    private final Clock clock;
    private final EventIndexing indexing;
    private final dev.strata.customer.LiveCustomers live;

    SystemEvents(EventStore store, EventEffects effects, Clock clock, EventIndexing indexing,
            dev.strata.customer.LiveCustomers live) {
        this.store = store;
        this.effects = effects;
        this.clock = clock;
        this.indexing = indexing;
        this.live = live;
    }

    /** One system event: of which customer, what type, when, with which properties. */
    public record SystemEvent(String customerId, String type, Instant occurredAt, Map<String, String> properties) {
    }

    /** Stores the events and applies them to their customers; returns how many were stored. */
    public int record(List<SystemEvent> events) {
        return record(events, java.util.Map.of());
    }

    /**
     * Stores the events, applies them to their customers and counts them in the audience index at once (segments on
     * them are live); {@code known} are customers the caller has just read, so they are not read again.
     */
    public int record(List<SystemEvent> events, java.util.Map<String, dev.strata.customer.Customer> known) {
        if (events.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        List<Event> stored = new ArrayList<>(events.size());
        for (SystemEvent event : events) {
            List<Event.KeyValue> properties = new ArrayList<>();
            event.properties().forEach((key, value) -> properties.add(new Event.KeyValue(key, value)));
            stored.add(new Event(new ObjectId().toHexString(), event.customerId(), event.type(), null, event.occurredAt(),
                    properties, now));
        }
        EventStore.Outcome outcome = store.insert(stored);
        effects.apply(outcome.inserted());
        java.util.Map<String, dev.strata.customer.Customer> customers = new java.util.HashMap<>(known);
        List<String> unknown = outcome.inserted().stream().map(Event::customerId).filter(id -> !customers.containsKey(id))
                .distinct().toList();
        if (!unknown.isEmpty()) {
            customers.putAll(live.resolveUnscoped(unknown));
        }
        indexing.record(outcome.inserted(), customers);
        return outcome.inserted().size();
    }
}
