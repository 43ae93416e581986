package dev.strata.customer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
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
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The one way in: every feature changes customer documents through here, so each change sets
 * {@code updatedAt} (what other instances catch up by), bumps the document's revision (so the audience index
 * never takes an older read over a newer one) and publishes {@link CustomersChanged}
 * (what keeps the audience index right) before the caller answers.
 */
@Component
public class CustomerWrites {

    private static final int DUPLICATE_KEY = 11000;
    private static final String UPDATED_AT = "updatedAt";
    private static final String RECENT_TOUCHPOINTS = "recentTouchpoints";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    /** Looked up when first used: scoring, which prepares new customers, writes through here itself. */
    private final ObjectProvider<NewCustomerPreparation> preparations;
    /** The preparations once looked up: resolving them from the context on every insert cost as much as the insert. */
    private volatile List<NewCustomerPreparation> prepared;

    CustomerWrites(MongoTemplate mongo, Clock clock, ApplicationEventPublisher events,
            ObjectProvider<NewCustomerPreparation> preparations) {
        this.mongo = mongo;
        this.clock = clock;
        this.events = events;
        this.preparations = preparations;
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
            changed(List.of(customerId), fieldsOf(List.of(update)));
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
            changed(customerIds, fieldsOf(List.of(update)));
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
        changed(updates.keySet(), fieldsOf(updates.values()));
    }

    /**
     * Puts each customer's new touchpoints (newest first) at the head of their portrait's recent list, keeping the
     * newest {@code keep}: one unordered bulk write of documents encoded here, the hot path of every campaign send
     * (the generic update mapping cost as much as the write itself).
     */
    public void pushRecentTouchpoints(Map<String, List<Customer.RecentTouchpoint>> newestFirst, int keep) {
        if (newestFirst.isEmpty()) {
            return;
        }
        Document stamp = new Document(UPDATED_AT, Date.from(clock.instant()));
        List<WriteModel<Document>> writes = new ArrayList<>(newestFirst.size());
        newestFirst.forEach((id, touchpoints) -> {
            Document push = new Document("$each", CustomerDocuments.list(touchpoints, CustomerDocuments::recentTouchpoint))
                    .append("$position", 0).append("$slice", keep);
            writes.add(new UpdateOneModel<>(new Document("_id", CustomerDocuments.id(id)),
                    new Document("$push", new Document(RECENT_TOUCHPOINTS, push)).append("$set", stamp)
                            .append("$inc", new Document(CustomerDocuments.REVISION, 1))));
        });
        mongo.getCollection(CustomerDocuments.COLLECTION).bulkWrite(writes, new BulkWriteOptions().ordered(false));
        changed(newestFirst.keySet(), Set.of(RECENT_TOUCHPOINTS, UPDATED_AT, CustomerDocuments.REVISION));
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
        changed(updates.keySet(), fieldsOf(updates.values()));
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
        List<Consumer<List<Document>>> afterwards = prepare(documents);
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
        afterwards.forEach(after -> after.accept(created));
    }

    /**
     * The feed's raw bulk write (documents built by {@link CustomerDocuments}, {@code updatedAt} set in them):
     * each write the store refuses goes to {@code onRefused}, then what changed is published.
     */
    void bulkWrite(List<WriteModel<Document>> writes, Consumer<BulkWriteError> onRefused, Supplier<CustomersChanged> changed) {
        List<Document> inserting = new ArrayList<>();
        List<WriteModel<Document>> revised = new ArrayList<>(writes.size());
        for (WriteModel<Document> write : writes) {
            if (write instanceof InsertOneModel<Document> insert) {
                inserting.add(insert.getDocument());
            }
            revised.add(revised(write));
        }
        List<Consumer<List<Document>>> afterwards = prepare(inserting);
        try {
            mongo.getCollection(CustomerDocuments.COLLECTION).bulkWrite(revised, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            e.getWriteErrors().forEach(onRefused);
        }
        CustomersChanged published = changed.get();
        events.publishEvent(published);
        afterwards.forEach(after -> after.accept(published.created()));
    }

    /** Lets every feature fill in what it derives from new documents; returns what each does once they are stored. */
    private List<Consumer<List<Document>>> prepare(List<Document> documents) {
        if (documents.isEmpty()) {
            return List.of();
        }
        List<NewCustomerPreparation> all = prepared;
        if (all == null) {
            all = preparations.orderedStream().toList();
            prepared = all;
        }
        List<Consumer<List<Document>>> afterwards = new ArrayList<>(all.size());
        for (NewCustomerPreparation preparation : all) {
            afterwards.add(preparation.prepare(documents));
        }
        return afterwards;
    }

    private Update stamped(Update update) {
        return update.set(UPDATED_AT, clock.instant()).inc(CustomerDocuments.REVISION, 1);
    }

    /**
     * A feed write with the revision bumped if it changes a stored document (its own {@code $set} stamps the time);
     * only inserts and single updates of operators keep the revision counting.
     */
    private static WriteModel<Document> revised(WriteModel<Document> write) {
        if (write instanceof InsertOneModel<Document>) {
            return write;
        }
        if (!(write instanceof UpdateOneModel<Document> change) || !(change.getUpdate() instanceof Document update)
                || update.containsKey("$inc")) {
            throw new IllegalArgumentException("feed writes are inserts and single updates of operators without $inc");
        }
        Document bumped = new Document(update).append("$inc", new Document(CustomerDocuments.REVISION, 1));
        return new UpdateOneModel<>(change.getFilter(), bumped, change.getOptions());
    }

    private void changed(Collection<String> customerIds, Set<String> fields) {
        events.publishEvent(CustomersChanged.of(customerIds, fields));
    }

    /** The document paths the updates write, whatever the operator ({@code $set}, {@code $push}, ...), the stamp included. */
    private static Set<String> fieldsOf(Collection<Update> updates) {
        Set<String> fields = new HashSet<>();
        for (Update update : updates) {
            for (Object operands : update.getUpdateObject().values()) {
                if (operands instanceof Document paths) {
                    fields.addAll(paths.keySet());
                }
            }
        }
        return fields;
    }
}
