package dev.strata.touchpoint;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.strata.customer.Customer;
import dev.strata.customer.CustomerWrites;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** Stores touchpoints and their status changes, and keeps each customer's most recent ones on the customer document. */
@Service
public class TouchpointService {

    /** How many recent touchpoints a portrait carries (the subset pattern). */
    public static final int RECENT = 20;

    private final MongoTemplate mongo;
    private final CustomerWrites writes;
    private final ApplicationEventPublisher events;

    TouchpointService(MongoTemplate mongo, CustomerWrites writes, ApplicationEventPublisher events) {
        this.events = events;
        this.mongo = mongo;
        this.writes = writes;
    }

    /** Stores a touchpoint and puts it at the head of the customer's recent list. */
    public void record(Touchpoint touchpoint) {
        mongo.insert(touchpoint);
        var recent = new Customer.RecentTouchpoint(touchpoint.id(), touchpoint.channel(), touchpoint.status().name(),
                touchpoint.campaignId(), touchpoint.createdAt());
        writes.pushRecentTouchpoints(Map.of(touchpoint.customerId(), List.of(recent)), RECENT);
        if (HumanContacts.HUMAN_CHANNELS.contains(touchpoint.channel()) && touchpoint.outcome() != null
                && touchpoint.outcome() != ContactOutcome.NO_ANSWER) {
            events.publishEvent(new ContactRecorded(touchpoint));
        }
    }

    /**
     * Stores a batch of campaign touchpoints in one unordered write and puts them on their customers' recent
     * lists in one bulk write; returns those stored now (a touchpoint whose {@code dedupKey} is already stored
     * was recorded by an earlier attempt and is left out).
     */
    public List<Touchpoint> recordAll(List<Touchpoint> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        Set<Integer> refused = new java.util.HashSet<>();
        List<org.bson.Document> documents = new java.util.ArrayList<>(batch.size());
        batch.forEach(t -> documents.add(TouchpointDocuments.of(t)));
        try {
            mongo.getCollection(TouchpointDocuments.COLLECTION).insertMany(documents,
                    new com.mongodb.client.model.InsertManyOptions().ordered(false));
        } catch (com.mongodb.MongoBulkWriteException e) {
            e.getWriteErrors().forEach(error -> {
                if (error.getCode() != 11000) {
                    throw e;
                }
                refused.add(error.getIndex());
            });
        }
        List<Touchpoint> stored = new java.util.ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            if (!refused.contains(i)) {
                stored.add(batch.get(i));
            }
        }
        Map<String, List<Customer.RecentTouchpoint>> byCustomer = new java.util.LinkedHashMap<>();
        stored.forEach(t -> byCustomer.computeIfAbsent(t.customerId(), id -> new java.util.ArrayList<>()).add(0,
                new Customer.RecentTouchpoint(t.id(), t.channel(), t.status().name(), t.campaignId(), t.createdAt())));
        writes.pushRecentTouchpoints(byCustomer, RECENT);
        return stored;
    }

    /** Changes a stored touchpoint's status if it is still one of {@code from}; returns it as it was, or null. */
    public Touchpoint advance(String id, Set<TouchpointStatus> from, Update change) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(id).and("status").in(from)), change,
                Touchpoint.class);
    }

    /** A touchpoint by its tracking token (a unique-index lookup), or null. */
    public Touchpoint findByToken(String token) {
        return mongo.findOne(Query.query(Criteria.where("trackingToken").is(token)), Touchpoint.class);
    }

    /** A touchpoint regardless of scope (background work), or null. */
    public Touchpoint findUnscoped(String id) {
        return mongo.findById(id, Touchpoint.class);
    }

    /** Changes several touchpoints, each by ID, in one unordered write. */
    public void updateEach(Map<String, Update> updates) {
        if (updates.isEmpty()) {
            return;
        }
        var bulk = mongo.bulkOps(org.springframework.data.mongodb.core.BulkOperations.BulkMode.UNORDERED, Touchpoint.class);
        updates.forEach((id, update) -> bulk.updateOne(Query.query(Criteria.where("_id").is(id)), update));
        bulk.execute();
    }
}
