package dev.strata.event;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.strata.customer.Customer;
import org.springframework.stereotype.Component;

/**
 * Bulk-loads past events (a migration, the demo seeder) for customers whose portraits already show them: stores them
 * and counts them in the audience index, without pushing each one onto its portrait as live ingest does.
 */
@Component
public class EventHistory {

    private final EventStore store;
    private final EventIndexing indexing;

    EventHistory(EventStore store, EventIndexing indexing) {
        this.store = store;
        this.indexing = indexing;
    }

    /**
     * Stores {@code events} of {@code customers} (the caller has written their {@code recentEvents} and last login) in
     * one unordered write and records the newly stored ones in the audience index; returns how many were new.
     */
    public int load(List<Event> events, Collection<Customer> customers) {
        EventStore.Outcome outcome = store.insert(events);
        Map<String, Customer> byId = new HashMap<>(customers.size() * 2);
        customers.forEach(customer -> byId.put(customer.id(), customer));
        indexing.record(outcome.inserted(), byId);
        return outcome.inserted().size();
    }
}
