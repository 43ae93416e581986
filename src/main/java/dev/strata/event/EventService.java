package dev.strata.event;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.strata.customer.CustomerService;
import dev.strata.customer.CustomersMerged;
import dev.strata.shared.Scope;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.query.Update;
import dev.strata.graphql.BadRequestException;
import dev.strata.graphql.OwnerPages;
import dev.strata.graphql.Paging;
import dev.strata.store.OwnerQueries;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Reads of events: one by ID within the caller's customer scope, and in bulk for already-authorised customers. */
@Service
class EventService implements OwnerPages.Source<Event> {

    private final MongoTemplate mongo;
    private final CustomerService customers;

    EventService(MongoTemplate mongo, CustomerService customers) {
        this.mongo = mongo;
        this.customers = customers;
    }

    /** One event, visible when its customer is; AccessDeniedException when the customer is out of scope. */
    @PreAuthorize("isAuthenticated()")
    public Event find(String id, Scope scope) {
        Event event = mongo.findById(id, Event.class);
        if (event == null || customers.find(event.customerId(), scope) == null) {
            return null;
        }
        return event;
    }

    /** Events by ID, in one query. */
    Map<String, Event> byIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Event.class).stream()
                .collect(Collectors.toMap(Event::id, Function.identity()));
    }

    /** The position of an event in a customer's newest-first timeline, as a cursor key. */
    @Override
    public String cursorKey(Event event) {
        return event.occurredAt().toEpochMilli() + ":" + event.id();
    }

    /** The keyset condition "after this cursor key" on the newest-first order (occurredAt, then _id, descending). */
    static Criteria after(String cursorKey) {
        int colon = cursorKey.indexOf(':');
        try {
            Instant at = Instant.ofEpochMilli(Long.parseLong(cursorKey.substring(0, Math.max(colon, 0))));
            String id = cursorKey.substring(colon + 1);
            return new Criteria().orOperator(Criteria.where("occurredAt").lt(at),
                    Criteria.where("occurredAt").is(at).and("_id").lt(id));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw new BadRequestException("Malformed cursor for events");
        }
    }

    /** Validates an {@code after} argument before it is batched with others. */
    static Paging paging(Integer first, String after) {
        Paging paging = Paging.of(first, after);
        if (paging.after() != null) {
            after(paging.after());
        }
        return paging;
    }

    @Override
    public Map<String, Integer> counts(Collection<String> customerIds) {
        return OwnerQueries.countPerOwner(mongo, Event.class, customerIds);
    }

    /** The newest-first events of these customers after {@code cursorKey}, at most {@code perCustomer} each. */
    @Override
    public Map<String, List<Event>> pages(Collection<String> customerIds, String cursorKey, int perCustomer) {
        return OwnerQueries.firstPerOwner(mongo, Event.class, cursorKey == null ? new Criteria() : after(cursorKey),
                Sort.by(Sort.Direction.DESC, "occurredAt", "_id"), customerIds, Event::customerId, perCustomer);
    }

    /** A merged customer's events become the survivor's. */
    @EventListener
    void onCustomersMerged(CustomersMerged merged) {
        mongo.updateMulti(Query.query(Criteria.where("customerId").is(merged.mergedId())),
                Update.update("customerId", merged.survivorId()), Event.class);
    }
}
