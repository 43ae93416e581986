package dev.strata.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.strata.customer.CustomerService;
import dev.strata.graphql.BadRequestException;
import dev.strata.graphql.Paging;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Reads of events: one by ID within the caller's customer scope, and in bulk for already-authorised customers. */
@Service
class EventService {

    private final MongoTemplate mongo;
    private final CustomerService customers;

    EventService(MongoTemplate mongo, CustomerService customers) {
        this.mongo = mongo;
        this.customers = customers;
    }

    /** One event, visible when its customer is; AccessDeniedException when the customer is out of scope. */
    @PreAuthorize("isAuthenticated()")
    public Event find(String id) {
        Event event = mongo.findById(id, Event.class);
        if (event == null || customers.find(event.customerId()) == null) {
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
    static String cursorKey(Event event) {
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

    /** How many events each customer has, in one aggregation. */
    Map<String, Integer> counts(Collection<String> customerIds) {
        Aggregation aggregation = Aggregation.newAggregation(Aggregation.match(Criteria.where("customerId").in(customerIds)),
                Aggregation.group("customerId").count().as("count"));
        Map<String, Integer> counts = new HashMap<>();
        for (Document row : mongo.aggregate(aggregation, Event.class, Document.class).getMappedResults()) {
            counts.put(row.getString("_id"), ((Number) row.get("count")).intValue());
        }
        return counts;
    }

    /** The newest-first events of these customers after {@code cursorKey}, streamed until each has {@code perCustomer}. */
    Map<String, List<Event>> newest(Collection<String> customerIds, String cursorKey, int perCustomer) {
        Criteria criteria = Criteria.where("customerId").in(customerIds);
        if (cursorKey != null) {
            criteria = new Criteria().andOperator(criteria, after(cursorKey));
        }
        Query query = Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "occurredAt", "_id"));
        if (customerIds.size() == 1) {
            query.limit(perCustomer);
        }
        Map<String, List<Event>> result = new HashMap<>();
        customerIds.forEach(id -> result.put(id, new ArrayList<>()));
        int full = 0;
        try (var events = mongo.stream(query, Event.class)) {
            var iterator = events.iterator();
            while (full < customerIds.size() && iterator.hasNext()) {
                Event event = iterator.next();
                List<Event> page = result.get(event.customerId());
                if (page != null && page.size() < perCustomer && page.add(event) && page.size() == perCustomer) {
                    full++;
                }
            }
        }
        return result;
    }
}
