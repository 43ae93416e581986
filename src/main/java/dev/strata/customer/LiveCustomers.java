package dev.strata.customer;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Loads customers by ID in bulk, following merges to the survivor, so anything addressed to a merged
 * ID lands on the customer that absorbed it. Applies no scope: callers authorise first.
 */
@Component
public class LiveCustomers {

    /** How many merge hops to follow before giving up on a (corrupt) cycle. */
    private static final int MAX_MERGE_HOPS = 8;
    /** Read with any projection: the merge to follow, and the record's primitives, which cannot be left empty. */
    private static final List<String> ALWAYS = List.of("mergedInto", "seq", "referralCount");

    private final MongoTemplate mongo;

    LiveCustomers(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Each requested ID mapped to its live customer; IDs with no customer are absent. One query per merge hop. */
    public Map<String, Customer> resolveUnscoped(Collection<String> ids) {
        return resolve(ids, List.of());
    }

    /**
     * As {@link #resolveUnscoped(Collection)}, but each customer carries only its ID and {@code fields} (top-level names),
     * the rest left empty: for background work that reads a few fields of many large portraits.
     */
    public Map<String, Customer> resolveUnscoped(Collection<String> ids, Collection<String> fields) {
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("name at least one field, or read whole customers");
        }
        return resolve(ids, fields);
    }

    private Map<String, Customer> resolve(Collection<String> ids, Collection<String> fields) {
        Map<String, String> pointsTo = new HashMap<>();
        ids.forEach(id -> pointsTo.put(id, id));
        Map<String, Customer> result = new HashMap<>();
        Set<String> pending = new HashSet<>(pointsTo.keySet());
        for (int hop = 0; hop <= MAX_MERGE_HOPS && !pending.isEmpty(); hop++) {
            Set<String> targets = new HashSet<>();
            pending.forEach(id -> targets.add(pointsTo.get(id)));
            Map<String, Customer> loaded = new HashMap<>();
            Query query = Query.query(Criteria.where("_id").in(targets));
            if (!fields.isEmpty()) {
                fields.forEach(query.fields()::include);
                ALWAYS.forEach(query.fields()::include);
            }
            mongo.find(query, Customer.class).forEach(c -> loaded.put(c.id(), c));
            Set<String> next = new HashSet<>();
            for (String id : pending) {
                Customer customer = loaded.get(pointsTo.get(id));
                if (customer != null && customer.isMerged()) {
                    pointsTo.put(id, customer.mergedInto());
                    next.add(id);
                } else if (customer != null) {
                    result.put(id, customer);
                }
            }
            pending = next;
        }
        return result;
    }

    /** One customer, following merges; null when absent. */
    public Customer resolveUnscoped(String id) {
        return resolveUnscoped(List.of(id)).get(id);
    }
}
