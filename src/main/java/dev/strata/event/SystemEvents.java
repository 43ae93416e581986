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

    SystemEvents(EventStore store, EventEffects effects, Clock clock) {
        this.store = store;
        this.effects = effects;
        this.clock = clock;
    }

    /** One system event: of which customer, what type, when, with which properties. */
    public record SystemEvent(String customerId, String type, Instant occurredAt, Map<String, String> properties) {
    }

    /** Stores the events and applies them to their customers; returns how many were stored. */
    public int record(List<SystemEvent> events) {
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
        return outcome.inserted().size();
    }
}
