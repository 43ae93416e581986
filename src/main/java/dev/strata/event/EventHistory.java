package dev.strata.event;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.InsertManyOptions;
import dev.strata.customer.Customer;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Bulk-loads past events (a migration, the demo seeder) for customers whose portraits already show them: stores them
 * and counts them in the audience index, without pushing each one onto its portrait as live ingest does.
 */
@Component
public class EventHistory {

    /** An event whose ID is stored already was loaded before: it is neither stored nor counted again. */
    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;
    private final EventIndexing indexing;

    EventHistory(MongoTemplate mongo, EventIndexing indexing) {
        this.mongo = mongo;
        this.indexing = indexing;
    }

    /**
     * Stores {@code events} of {@code customers} (the caller has written their {@code recentEvents} and last login) in
     * one unordered write of documents built by hand, and records the newly stored ones in the audience index; returns
     * how many were new (a replayed load stores and counts nothing twice).
     */
    public int load(List<Event> events, Collection<Customer> customers) {
        if (events.isEmpty()) {
            return 0;
        }
        List<Document> documents = new ArrayList<>(events.size());
        events.forEach(event -> documents.add(EventDocuments.of(event)));
        Set<Integer> refused = new HashSet<>();
        try {
            mongo.getCollection(EventDocuments.COLLECTION).insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().anyMatch(error -> error.getCode() != DUPLICATE_KEY)) {
                throw e;
            }
            e.getWriteErrors().forEach(error -> refused.add(error.getIndex()));
        }
        List<Event> inserted = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            if (!refused.contains(i)) {
                inserted.add(events.get(i));
            }
        }
        Map<String, Customer> byId = new HashMap<>(customers.size() * 2);
        customers.forEach(customer -> byId.put(customer.id(), customer));
        indexing.record(inserted, byId);
        return inserted.size();
    }
}
