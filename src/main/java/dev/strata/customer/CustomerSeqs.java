package dev.strata.customer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

/**
 * Every stored customer's seq as the start-up build of the audience index read it, merged-away customers mapped to
 * their survivor's: what the parts built after the customers (events) need to place a customer ID, with no lookups.
 */
public final class CustomerSeqs {

    /** How many merge hops to follow before giving up on a (corrupt) cycle. */
    private static final int MAX_MERGE_HOPS = 8;

    /** Keyed by the stored {@code _id} (an ObjectId for most customers), far smaller than its hex string. */
    private final Map<Object, Integer> live = new HashMap<>();
    private final Map<Object, String> mergedInto = new HashMap<>();

    /** Notes the seqs (or merge pointers) of stored documents carrying {@code _id}, {@code seq} and {@code mergedInto}. */
    void add(List<Document> customers) {
        for (Document customer : customers) {
            Object merged = customer.get("mergedInto");
            if (merged == null) {
                live.put(customer.get("_id"), ((Number) customer.get("seq")).intValue());
            } else {
                mergedInto.put(customer.get("_id"), merged.toString());
            }
        }
    }

    /** The seq of the live customer this ID is (or was merged into), or null when no stored customer has it. */
    public Integer seqOf(String customerId) {
        Object key = CustomerDocuments.id(customerId);
        for (int hop = 0; hop <= MAX_MERGE_HOPS; hop++) {
            Integer seq = live.get(key);
            String next = seq == null ? mergedInto.get(key) : null;
            if (next == null) {
                return seq;
            }
            key = CustomerDocuments.id(next);
        }
        return null;
    }
}
