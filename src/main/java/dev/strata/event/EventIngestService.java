package dev.strata.event;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.strata.customer.IdentityClaims;
import dev.strata.customer.Customer;
import dev.strata.customer.CustomerService;
import dev.strata.graphql.RowResult;
import dev.strata.graphql.UserError;
import dev.strata.identity.IdentityRegistry;
import dev.strata.identity.IdentityResolver;
import dev.strata.customer.LiveCustomers;
import dev.strata.shared.Scope;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The channels' write path for behaviour: checks every row, finds (or, for a new visitor, creates) its
 * customer, stores the good rows in one unordered write and reports each bad row by index.
 */
@Service
class EventIngestService {

    static final int MAX_EVENTS = 1000;

    private final LiveCustomers live;
    private final IdentityResolver identities;
    private final EventStore store;
    private final EventEffects effects;
    private final EventIndexing indexing;
    private final Clock clock;

    EventIngestService(LiveCustomers live, IdentityResolver identities, EventStore store, EventEffects effects,
            EventIndexing indexing, Clock clock) {
        this.live = live;
        this.identities = identities;
        this.store = store;
        this.effects = effects;
        this.indexing = indexing;
        this.clock = clock;
    }

    /** How many rows are stored (now or by an earlier identical call), the rejected rows, and errors about the batch. */
    record TrackResult(int accepted, List<RowResult> rejected, List<UserError> userErrors) {
    }

    @PreAuthorize("hasAnyRole('ADMIN','SERVICE')")
    public TrackResult track(EventInput.Batch batch, Scope scope) {
        List<EventInput> inputs = batch == null || batch.events() == null ? List.of() : batch.events();
        if (inputs.size() > MAX_EVENTS) {
            return new TrackResult(0, List.of(), List.of(UserError.tooMany(MAX_EVENTS, "events")));
        }
        Instant now = clock.instant();
        Map<Integer, List<UserError>> rejected = new TreeMap<>();
        List<EventRows.Row> rows = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            EventRows.Row row = EventRows.parse(i, inputs.get(i), now);
            if (row.valid()) {
                rows.add(row);
            } else {
                rejected.put(i, row.errors());
            }
        }
        Map<Integer, Customer> customers = customers(rows, rejected, scope);
        Map<String, Event> events = new LinkedHashMap<>();
        Map<String, List<Integer>> rowsOf = new HashMap<>();
        for (EventRows.Row row : rows) {
            Customer customer = customers.get(row.index());
            if (customer != null) {
                Event event = new Event(row.eventId(), customer.id(), row.type(), row.channel(), row.occurredAt(),
                        row.properties(), now);
                events.putIfAbsent(event.id(), event);
                rowsOf.computeIfAbsent(event.id(), id -> new ArrayList<>()).add(row.index());
            }
        }
        EventStore.Outcome outcome = store.insert(List.copyOf(events.values()));
        outcome.failed().forEach(id -> rowsOf.get(id).forEach(i -> rejected.put(i, List.of(EventRows.error(i, "CONFLICT",
                "the store refused this event; send the row again")))));
        indexing.record(outcome.inserted(), customers.values().stream()
                .collect(Collectors.toMap(Customer::id, customer -> customer, (a, b) -> a)));
        effects.apply(outcome.inserted());
        List<RowResult> results = rejected.entrySet().stream()
                .map(e -> new RowResult(e.getKey(), null, null, e.getValue())).toList();
        return new TrackResult(inputs.size() - rejected.size(), results, List.of());
    }

    /** The live customer of each valid row; rows whose customer is unknown or out of reach are rejected. */
    private Map<Integer, Customer> customers(List<EventRows.Row> rows, Map<Integer, List<UserError>> rejected, Scope scope) {
        Set<String> ids = rows.stream().filter(r -> r.customerId() != null).map(EventRows.Row::customerId)
                .collect(Collectors.toSet());
        Map<String, Customer> byId = ids.isEmpty() ? Map.of() : live.resolveUnscoped(ids);
        List<Customer.ChannelIdentity> wanted = rows.stream().filter(r -> r.identity() != null)
                .map(EventRows.Row::identity).toList();
        Map<String, Customer> byIdentity = wanted.isEmpty() ? Map.of() : identities.resolve(wanted);
        Map<Integer, Customer> result = new HashMap<>();
        for (EventRows.Row row : rows) {
            Customer customer = row.customerId() != null ? byId.get(row.customerId())
                    : byIdentity.get(IdentityClaims.key(row.identity()));
            if (customer != null && row.customerId() != null && !CustomerService.allows(scope, customer)) {
                customer = null;
            }
            if (customer != null) {
                result.put(row.index(), customer);
            } else if (row.customerId() != null) {
                rejected.put(row.index(), List.of(EventRows.error(row.index(), "NOT_FOUND", "no such customer", "customerId")));
            } else {
                rejected.put(row.index(), List.of(EventRows.error(row.index(), "CONFLICT",
                        "the visitor's customer could not be created; send the row again", "identity")));
            }
        }
        return result;
    }
}
