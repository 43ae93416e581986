package dev.strata.customer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Who holds a phone number in which RM's book, looked up by key instead of by scanning every customer (a store without
 * a phone index scans): one document per (RM, number), keyed by a digest of both so the number is not stored in clear
 * again, listing the customers that were given that number in that book. Kept in step from every customer change
 * notice; a listed customer who has since changed number or book, or was merged away, is checked out at lookup.
 */
@Component
public class PhoneHolders implements ApplicationRunner {

    static final String COLLECTION = "customer_phones";
    /** Customers per reply when listing them all: unasked, the embedded store answers a million in one reply, over the wire limit. */
    private static final int STREAM_BATCH = 10_000;
    private static final String PHONE = "phone";
    private static final String MANAGER = "managerCode";
    private static final String HOLDERS = "customerIds";
    private static final List<String> KEYED_BY = List.of(PHONE, MANAGER);
    private static final int CHUNK = 500;
    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;

    PhoneHolders(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A number in an RM's book. */
    public record Held(String managerCode, String phone) {
    }

    /**
     * The live customers (not merged away) of each book that hold its number now, in the order they got it; one keyed
     * read for the keys and one for their customers.
     */
    public Map<Held, List<String>> holders(Collection<Held> wanted) {
        Map<String, Held> byKey = new LinkedHashMap<>();
        wanted.forEach(held -> byKey.put(key(held.managerCode(), held.phone()), held));
        Map<Held, List<String>> listed = new LinkedHashMap<>();
        Set<Object> candidates = new LinkedHashSet<>();
        for (Document entry : mongo.getCollection(COLLECTION).find(Filters.in("_id", byKey.keySet()))) {
            List<String> ids = entry.getList(HOLDERS, String.class, List.of());
            listed.put(byKey.get(entry.getString("_id")), ids);
            ids.forEach(id -> candidates.add(CustomerDocuments.id(id)));
        }
        Map<String, Document> customers = new HashMap<>();
        if (!candidates.isEmpty()) {
            mongo.getCollection(CustomerDocuments.COLLECTION).find(Filters.in("_id", candidates))
                    .projection(Projections.include(PHONE, MANAGER, "mergedInto"))
                    .forEach(c -> customers.put(c.get("_id").toString(), c));
        }
        Map<Held, List<String>> result = new HashMap<>();
        listed.forEach((held, ids) -> result.put(held, ids.stream().filter(id -> holds(customers.get(id), held)).toList()));
        return result;
    }

    private static boolean holds(Document customer, Held held) {
        return customer != null && customer.get("mergedInto") == null && held.phone().equals(customer.get(PHONE))
                && held.managerCode().equals(customer.get(MANAGER));
    }

    /**
     * New customers are listed from their documents as written; changes that may have set a number or a book re-read
     * theirs and list those not listed yet.
     */
    @EventListener
    void on(CustomersChanged changed) {
        list(changed.created());
        if (!changed.touchesAny(KEYED_BY) || changed.customerIds().isEmpty()) {
            return;
        }
        List<String> ids = changed.customerIds();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Object> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK)).stream().map(CustomerDocuments::id).toList();
            List<Document> read = new ArrayList<>();
            mongo.getCollection(CustomerDocuments.COLLECTION).find(Filters.and(Filters.in("_id", chunk), Filters.exists(PHONE)))
                    .projection(Projections.include(PHONE, MANAGER)).forEach((Consumer<Document>) read::add);
            list(unlisted(read));
        }
    }

    /** Lists the customers already stored (another version of the service may have written them), once per start. */
    @Override
    public void run(ApplicationArguments args) {
        List<Document> chunk = new ArrayList<>();
        for (Document customer : mongo.getCollection(CustomerDocuments.COLLECTION)
                .find(Filters.and(Filters.exists(PHONE), Filters.exists(MANAGER))).projection(Projections.include(PHONE, MANAGER))
                .batchSize(STREAM_BATCH)) {
            chunk.add(customer);
            if (chunk.size() == CHUNK) {
                list(unlisted(chunk));
                chunk.clear();
            }
        }
        list(unlisted(chunk));
    }

    /**
     * Of customers read back, those not yet listed under their number and book: a feed batch re-reads every row it
     * updated, and most kept their number, so a keyed read spares the store a write per row.
     */
    private List<Document> unlisted(List<Document> customers) {
        Map<String, List<Document>> byKey = new LinkedHashMap<>();
        for (Document customer : customers) {
            if (customer.get(PHONE) instanceof String number && customer.get(MANAGER) instanceof String book) {
                byKey.computeIfAbsent(key(book, number), k -> new ArrayList<>()).add(customer);
            }
        }
        if (byKey.isEmpty()) {
            return List.of();
        }
        for (Document entry : mongo.getCollection(COLLECTION).find(Filters.in("_id", byKey.keySet()))) {
            Set<String> listed = new HashSet<>(entry.getList(HOLDERS, String.class, List.of()));
            byKey.get(entry.getString("_id")).removeIf(customer -> listed.contains(customer.get("_id").toString()));
        }
        List<Document> unlisted = new ArrayList<>();
        byKey.values().forEach(unlisted::addAll);
        return unlisted;
    }

    private void list(List<Document> customers) {
        Map<String, Set<String>> byKey = new LinkedHashMap<>();
        for (Document customer : customers) {
            Object phone = customer.get(PHONE);
            Object manager = customer.get(MANAGER);
            if (phone instanceof String number && manager instanceof String book) {
                byKey.computeIfAbsent(key(book, number), k -> new LinkedHashSet<>()).add(customer.get("_id").toString());
            }
        }
        if (byKey.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> upserts = new ArrayList<>(byKey.size());
        UpdateOptions upsert = new UpdateOptions().upsert(true);
        byKey.forEach((key, ids) -> upserts.add(new UpdateOneModel<>(Filters.eq("_id", key),
                Updates.addEachToSet(HOLDERS, new ArrayList<>(ids)), upsert)));
        try {
            mongo.getCollection(COLLECTION).bulkWrite(upserts, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            // Two writers creating the same key at once: the loser's additions go onto the winner's document now.
            List<WriteModel<Document>> lost = new ArrayList<>();
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
                lost.add(upserts.get(error.getIndex()));
            }
            mongo.getCollection(COLLECTION).bulkWrite(lost, new BulkWriteOptions().ordered(false));
        }
    }

    /** The key of a number in a book: a digest, so the number is not an identifier in clear. */
    static String key(String managerCode, String phone) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("customer-phone|" + managerCode + "|" + phone).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
