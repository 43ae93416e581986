package dev.strata.touchpoint;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.strata.shared.Channel;
import dev.strata.customer.Customer;
import dev.strata.customer.CustomerService;
import dev.strata.customer.CustomerRefs;
import dev.strata.customer.CustomerWrites;
import dev.strata.customer.CustomersMerged;
import dev.strata.graphql.OwnerPages;
import dev.strata.graphql.RowErrors;
import dev.strata.graphql.UserError;
import dev.strata.security.Viewers;
import dev.strata.shared.Scope;
import dev.strata.store.OwnerQueries;
import org.bson.types.ObjectId;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Records touchpoints and keeps each customer's most recent ones on the customer document. */
@Service
public class TouchpointService implements OwnerPages.Source<Touchpoint> {

    /** How many recent touchpoints a portrait carries (the subset pattern). */
    public static final int RECENT = 20;
    static final Set<Channel> HUMAN_CHANNELS = Set.of(Channel.PHONE_CALL, Channel.BRANCH_VISIT);

    private final MongoTemplate mongo;
    private final CustomerService customers;
    private final CustomerRefs refs;
    private final CustomerWrites writes;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    TouchpointService(MongoTemplate mongo, CustomerService customers, CustomerRefs refs, CustomerWrites writes, Clock clock,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.mongo = mongo;
        this.customers = customers;
        this.refs = refs;
        this.writes = writes;
        this.clock = clock;
    }

    /** Input of {@code recordTouchpoint}: an RM's call or visit and its outcome. */
    public record RecordInput(String customerId, Channel channel, ContactOutcome outcome, String note, BigDecimal revenue) {
    }

    /** Outcome of {@code recordTouchpoint}. */
    public record RecordResult(Touchpoint touchpoint, List<UserError> userErrors) {
    }

    @PreAuthorize("hasAnyRole('ADMIN','BRANCH_MANAGER','RELATIONSHIP_MANAGER')")
    public RecordResult recordHumanContact(RecordInput input, Scope scope) {
        if (!HUMAN_CHANNELS.contains(input.channel())) {
            return new RecordResult(null, List.of(UserError.of("NOT_A_HUMAN_CHANNEL",
                    "RMs record PHONE_CALL or BRANCH_VISIT; other channels are recorded by campaigns", "channel")));
        }
        if (!RowErrors.isMoney(input.revenue())) {
            return new RecordResult(null, List.of(UserError.invalid("revenue must be non-negative with at most 2 decimals",
                    "revenue")));
        }
        CustomerRefs.Resolved target = refs.forChange(input.customerId(), scope, "customerId");
        if (target.userError() != null) {
            return new RecordResult(null, List.of(target.userError()));
        }
        Customer customer = target.customer();
        Instant now = clock.instant();
        TouchpointStatus status = input.outcome().status();
        Touchpoint touchpoint = new Touchpoint(new ObjectId().toHexString(), customer.id(), null, null, input.channel(),
                status, status == TouchpointStatus.FAILED ? "no answer" : null, input.outcome(), input.note(),
                Viewers.name(), null, now, null, status == TouchpointStatus.CONVERTED ? now : null,
                status == TouchpointStatus.CONVERTED ? input.revenue() : null, now, null, null, null,
                List.of(new Touchpoint.StatusChange(status, now)), null);
        record(touchpoint);
        return new RecordResult(touchpoint, List.of());
    }

    /** Stores a touchpoint and puts it at the head of the customer's recent list. */
    public void record(Touchpoint touchpoint) {
        mongo.insert(touchpoint);
        var recent = new Customer.RecentTouchpoint(touchpoint.id(), touchpoint.channel(), touchpoint.status().name(),
                touchpoint.campaignId(), touchpoint.createdAt());
        Update update = new Update();
        update.push("recentTouchpoints").atPosition(0).slice(RECENT).each(recent);
        writes.update(touchpoint.customerId(), update);
        if (HUMAN_CHANNELS.contains(touchpoint.channel()) && touchpoint.outcome() != null
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
        var bulk = mongo.bulkOps(org.springframework.data.mongodb.core.BulkOperations.BulkMode.UNORDERED, Touchpoint.class);
        bulk.insert(batch);
        try {
            bulk.execute();
        } catch (org.springframework.data.mongodb.BulkOperationException e) {
            e.getErrors().forEach(error -> {
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
        Map<String, Update> updates = new java.util.HashMap<>();
        byCustomer.forEach((customerId, recent) -> {
            Update update = new Update();
            update.push("recentTouchpoints").atPosition(0).slice(RECENT).each(recent.toArray());
            updates.put(customerId, update);
        });
        writes.updateEach(updates);
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

    /** Customers' touchpoints, newest first; the caller has already been allowed to see the customers. */
    @Override
    public Map<String, List<Touchpoint>> pages(Collection<String> customerIds, String cursorKey, int perCustomer) {
        Criteria after = cursorKey == null ? new Criteria() : Criteria.where("_id").lt(cursorKey);
        return OwnerQueries.firstPerOwner(mongo, Touchpoint.class, after, Sort.by(Sort.Direction.DESC, "_id"), customerIds,
                Touchpoint::customerId, perCustomer);
    }

    @Override
    public Map<String, Integer> counts(Collection<String> customerIds) {
        return OwnerQueries.countPerOwner(mongo, Touchpoint.class, customerIds);
    }

    @Override
    public String cursorKey(Touchpoint touchpoint) {
        return touchpoint.id();
    }

    /** One touchpoint; AccessDeniedException when its customer is outside the scope. */
    public Touchpoint find(String id, Scope scope) {
        Touchpoint touchpoint = mongo.findById(id, Touchpoint.class);
        if (touchpoint != null) {
            customers.find(touchpoint.customerId(), scope);
        }
        return touchpoint;
    }

    /** A merged customer's touchpoints become the survivor's. */
    @EventListener
    void onCustomersMerged(CustomersMerged merged) {
        mongo.updateMulti(Query.query(Criteria.where("customerId").is(merged.mergedId())),
                Update.update("customerId", merged.survivorId()), Touchpoint.class);
    }
}
