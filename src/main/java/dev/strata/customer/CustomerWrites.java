package dev.strata.customer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The one way in: every feature changes customer documents through here, so each change sets
 * {@code updatedAt} (what other instances catch up by) and publishes {@link CustomersChanged}
 * (what keeps the audience index right) before the caller answers.
 */
@Component
public class CustomerWrites {

    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CustomerWrites(MongoTemplate mongo, Clock clock, ApplicationEventPublisher events) {
        this.mongo = mongo;
        this.clock = clock;
        this.events = events;
    }

    /** Changes one customer; returns whether it exists. */
    public boolean update(String customerId, Update update) {
        return updateIf(customerId, new Criteria(), update);
    }

    /** Changes one customer only if it also matches {@code condition} (a guard); returns whether it did. */
    public boolean updateIf(String customerId, Criteria condition, Update update) {
        Query query = Query.query(new Criteria().andOperator(Criteria.where("_id").is(customerId), condition));
        boolean matched = mongo.updateFirst(query, stamped(update), Customer.class).getMatchedCount() == 1;
        if (matched) {
            changed(List.of(customerId));
        }
        return matched;
    }

    /** Changes those of {@code customerIds} that match {@code condition}; returns how many changed. */
    public long updateAll(Collection<String> customerIds, Criteria condition, Update update) {
        if (customerIds.isEmpty()) {
            return 0;
        }
        Query query = Query.query(new Criteria().andOperator(Criteria.where("_id").in(customerIds), condition));
        long changed = mongo.updateMulti(query, stamped(update), Customer.class).getModifiedCount();
        if (changed > 0) {
            changed(customerIds);
        }
        return changed;
    }

    /** One change per customer, sent as one unordered bulk write. */
    public void updateEach(Map<String, Update> updates) {
        if (updates.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Customer.class);
        updates.forEach((id, update) -> bulk.updateOne(Query.query(Criteria.where("_id").is(id)), stamped(update)));
        bulk.execute();
        changed(updates.keySet());
    }

    /**
     * One guarded change per customer, sent as one unordered bulk write: each applies only while its customer still
     * matches its condition (what the caller read). Returns how many applied.
     */
    public int updateEachIf(Map<String, Update> updates, Map<String, Criteria> conditions) {
        if (updates.isEmpty()) {
            return 0;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Customer.class);
        updates.forEach((id, update) -> bulk.updateOne(Query.query(new Criteria().andOperator(Criteria.where("_id").is(id),
                conditions.getOrDefault(id, new Criteria()))), stamped(update)));
        int matched = bulk.execute().getMatchedCount();
        changed(updates.keySet());
        return matched;
    }

    /**
     * Stores new customers (whose {@code seq} the caller allocated) as documents built by hand, and publishes those
     * documents as written, so the index takes them without reading them back; duplicates the store refuses are skipped.
     */
    public void insert(List<Customer> customers) {
        if (customers.isEmpty()) {
            return;
        }
        List<Document> documents = new ArrayList<>(customers.size());
        for (Customer customer : customers) {
            documents.add(CustomerDocuments.of(customer));
        }
        Set<Integer> refused = new HashSet<>();
        try {
            mongo.getCollection(CustomerDocuments.COLLECTION).insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            // A unique key saying the customer is already there means a racing writer stored it first; anything else is not ours to hide.
            if (e.getWriteErrors().stream().anyMatch(error -> error.getCode() != DUPLICATE_KEY)) {
                throw e;
            }
            e.getWriteErrors().forEach(error -> refused.add(error.getIndex()));
        }
        List<Document> created = new ArrayList<>(documents.size());
        for (int i = 0; i < documents.size(); i++) {
            if (!refused.contains(i)) {
                created.add(documents.get(i));
            }
        }
        events.publishEvent(CustomersChanged.of(List.of(), created));
    }

    /**
     * The feed's raw bulk write (documents built by {@link CustomerDocuments}, {@code updatedAt} set in them):
     * each write the store refuses goes to {@code onRefused}, then what changed is published.
     */
    void bulkWrite(List<WriteModel<Document>> writes, Consumer<BulkWriteError> onRefused, Supplier<CustomersChanged> changed) {
        try {
            mongo.getCollection(CustomerDocuments.COLLECTION).bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            e.getWriteErrors().forEach(onRefused);
        }
        events.publishEvent(changed.get());
    }

    private Update stamped(Update update) {
        return update.set("updatedAt", clock.instant());
    }

    private void changed(Collection<String> customerIds) {
        events.publishEvent(CustomersChanged.of(customerIds));
    }
}
