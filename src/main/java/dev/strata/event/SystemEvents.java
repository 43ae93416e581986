package dev.strata.event;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.strata.customer.Customer;
import dev.strata.customer.LiveCustomers;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Events the system records on customers (a tier change, a churn-risk alert, a card visit), stored and applied exactly
 * like tracked ones, so they show on the portrait and feed segments and campaign triggers alike.
 */
@Component
public class SystemEvents {

    private final EventStore store;
    private final EventEffects effects;
    private final Clock clock;
    private final EventIndexing indexing;
    private final LiveCustomers live;

    SystemEvents(EventStore store, EventEffects effects, Clock clock, EventIndexing indexing, LiveCustomers live) {
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
    }

    /** A fresh event ID, for a caller that writes the event onto a portrait in the same write that creates it. */
    public static String newId() {
        return new ObjectId().toHexString();
    }

    /**
     * The events as they will be stored, each with its ID (drawn now where the caller set none), so the caller can show
     * them on the portrait in its own write of the customer ({@link #showOnPortrait}) and then {@link #recordShown record} them.
     */
    public List<Event> plan(List<SystemEvent> events) {
        Instant now = clock.instant();
        List<Event> planned = new ArrayList<>(events.size());
        for (SystemEvent event : events) {
            List<Event.KeyValue> properties = new ArrayList<>();
            event.properties().forEach((key, value) -> properties.add(new Event.KeyValue(key, value)));
            planned.add(new Event(event.id() != null ? event.id() : newId(), event.customerId(), event.type(), null,
                    event.occurredAt(), properties, now));
        }
        return planned;
    }

    /** Adds to one customer's {@code update} what their planned events change on the portrait, as tracking would. */
    public static Update showOnPortrait(Update update, List<Event> planned) {
        return planned.isEmpty() ? update : EventEffects.portraitUpdate(update, planned);
    }

    /**
     * Stores planned events already shown on their customers' portraits, counts them in the audience index (by the
     * given seqs) and announces them; the customers are not written again. Returns how many were stored.
     */
    public int recordShown(List<Event> planned, Map<String, Long> seqs) {
        if (planned.isEmpty()) {
            return 0;
        }
        EventStore.Outcome outcome = store.insert(planned);
        indexing.recordBySeq(outcome.inserted(), seqs);
        effects.announce(outcome.inserted());
        return outcome.inserted().size();
    }

    /** Stores the events and applies them to their customers; returns how many were stored. */
    public int record(List<SystemEvent> events) {
        return record(events, Map.of());
    }

    /**
     * Stores the events, applies them to their customers and counts them in the audience index at once (segments on
     * them are live); {@code known} are customers the caller has just read, so they are not read again.
     */
    public int record(List<SystemEvent> events, Map<String, Customer> known) {
        return record(events, known, Set.of());
    }

    /**
     * As {@link #record(List, Map)}; the portraits of {@code portraitsWritten} (customers just inserted with these events
     * among their recent ones) are not written again.
     */
    public int record(List<SystemEvent> events, Map<String, Customer> known, Set<String> portraitsWritten) {
        if (events.isEmpty()) {
            return 0;
        }
        EventStore.Outcome outcome = store.insert(plan(events));
        effects.apply(outcome.inserted(), portraitsWritten);
        Map<String, Customer> customers = new HashMap<>(known);
        List<String> unknown = outcome.inserted().stream().map(Event::customerId).filter(id -> !customers.containsKey(id))
                .distinct().toList();
        if (!unknown.isEmpty()) {
            customers.putAll(live.resolveUnscoped(unknown));
        }
        indexing.record(outcome.inserted(), customers);
        return outcome.inserted().size();
    }
}
