package dev.strata.event;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.strata.customer.Customer;
import dev.strata.customer.LiveCustomers;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.query.Update;
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
    private final LiveCustomers live;

    SystemEvents(EventStore store, EventEffects effects, Clock clock, EventIndexing indexing,
            LiveCustomers live) {
        this.store = store;
        this.effects = effects;
        this.clock = clock;
        this.indexing = indexing;
        this.live = live;
    }

    /** One system event: of which customer, what type, when, with which properties. */
    public record SystemEvent(String customerId, String type, Instant occurredAt, Map<String, String> properties) {
    }

    /**
     * Gives system events their IDs before they are stored, so the caller can show them on the portrait in its own
     * write of the customer ({@link #showOnPortrait}) and then {@link #recordShown record} them.
     */
    public List<Event> plan(List<SystemEvent> events) {
        Instant now = clock.instant();
        List<Event> planned = new ArrayList<>(events.size());
        for (SystemEvent event : events) {
            List<Event.KeyValue> properties = new ArrayList<>();
            event.properties().forEach((key, value) -> properties.add(new Event.KeyValue(key, value)));
            planned.add(new Event(new ObjectId().toHexString(), event.customerId(), event.type(), null, event.occurredAt(),
                    properties, now));
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
        if (events.isEmpty()) {
            return 0;
        }
        List<Event> stored = plan(events);
        EventStore.Outcome outcome = store.insert(stored);
        effects.apply(outcome.inserted());
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
