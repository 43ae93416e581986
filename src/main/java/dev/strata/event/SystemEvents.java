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

    /** One system event: its ID (null: one is drawn when stored), of which customer, what type, when, with which properties. */
    public record SystemEvent(String id, String customerId, String type, Instant occurredAt, Map<String, String> properties) {

        public SystemEvent(String customerId, String type, Instant occurredAt, Map<String, String> properties) {
            this(null, customerId, type, occurredAt, properties);
        }

        /** The event as a portrait lists it among its recent events (its ID must be set). */
        public dev.strata.customer.Customer.RecentEvent recent() {
            return new dev.strata.customer.Customer.RecentEvent(id, type, null, occurredAt);
        }
    }

    /** A fresh event ID, for a caller that writes the event onto a portrait in the same write that creates it. */
    public static String newId() {
        return new ObjectId().toHexString();
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
        return record(events, known, java.util.Set.of());
    }

    /**
     * As {@link #record(List, java.util.Map)}; the portraits of {@code portraitsWritten} (customers just inserted with
     * these events among their recent ones) are not written again.
     */
    public int record(List<SystemEvent> events, java.util.Map<String, dev.strata.customer.Customer> known,
            java.util.Set<String> portraitsWritten) {
        if (events.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        List<Event> stored = new ArrayList<>(events.size());
        for (SystemEvent event : events) {
            List<Event.KeyValue> properties = new ArrayList<>();
            event.properties().forEach((key, value) -> properties.add(new Event.KeyValue(key, value)));
            stored.add(new Event(event.id() != null ? event.id() : newId(), event.customerId(), event.type(), null,
                    event.occurredAt(), properties, now));
        }
        EventStore.Outcome outcome = store.insert(stored);
        effects.apply(outcome.inserted(), portraitsWritten);
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
