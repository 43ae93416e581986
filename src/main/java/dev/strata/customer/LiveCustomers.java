package dev.strata.customer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads customers by ID in bulk, following merges to the survivor, so anything addressed to a merged
 * ID lands on the customer that absorbed it. Applies no scope: callers authorise first.
 */
@Component
public class LiveCustomers {

    /** How many merge hops to follow before giving up on a (corrupt) cycle. */
    private static final int MAX_MERGE_HOPS = 8;
    private static final String MERGED = "mergedInto";
    /** Read with any projection: the merge to follow, and the record's primitives, which cannot be left empty. */
    private static final List<String> ALWAYS = List.of(MERGED, "seq", "referralCount");

    private final MongoTemplate mongo;

    LiveCustomers(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Each requested ID mapped to its live customer; IDs with no customer are absent. One query per merge hop. */
    public Map<String, Customer> resolveUnscoped(Collection<String> ids) {
        return customers(resolve(ids, null));
    }

    /**
     * As {@link #resolveUnscoped(Collection)}, but each customer carries only its ID and {@code fields} (top-level names),
     * the rest left empty: for background work that reads a few fields of many large portraits.
     */
    public Map<String, Customer> resolveUnscoped(Collection<String> ids, Collection<String> fields) {
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("name at least one field, or read whole customers");
        }
        List<String> projected = new ArrayList<>(fields);
        projected.addAll(ALWAYS);
        return customers(resolve(ids, Projections.include(projected)));
    }

    /**
     * Each requested ID mapped to its live customer's seq, reading only seqs and merge pointers (the audience index
     * needs nothing else of a customer to count an event).
     */
    public Map<String, Long> seqsUnscoped(Collection<String> ids) {
        Map<String, Long> result = new HashMap<>();
        resolve(ids, Projections.include("seq", MERGED)).forEach((id, document) -> result.put(id, ((Number) document.get("seq")).longValue()));
        return result;
    }

    private Map<String, Customer> customers(Map<String, Document> documents) {
        Map<String, Customer> result = new HashMap<>();
        documents.forEach((id, document) -> result.put(id, mongo.getConverter().read(Customer.class, document)));
        return result;
    }

    /** The live customers' documents (only {@code fields} and their merge pointer, or whole when null) by requested ID. */
    private Map<String, Document> resolve(Collection<String> ids, Bson fields) {
        Map<String, String> pointsTo = new HashMap<>();
        ids.forEach(id -> pointsTo.put(id, id));
        Map<String, Document> result = new HashMap<>();
        Set<String> pending = new HashSet<>(pointsTo.keySet());
        for (int hop = 0; hop <= MAX_MERGE_HOPS && !pending.isEmpty(); hop++) {
            Set<String> targets = new HashSet<>();
            pending.forEach(id -> targets.add(pointsTo.get(id)));
            Map<String, Document> loaded = new HashMap<>();
            mongo.getCollection(CustomerDocuments.COLLECTION)
                    .find(Filters.in("_id", targets.stream().map(CustomerDocuments::id).toList())).projection(fields)
                    .forEach(c -> loaded.put(String.valueOf(c.get("_id")), c));
            Set<String> next = new HashSet<>();
            for (String id : pending) {
                Document customer = loaded.get(pointsTo.get(id));
                Object mergedInto = customer == null ? null : customer.get(MERGED);
                if (mergedInto != null) {
                    pointsTo.put(id, mergedInto.toString());
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
