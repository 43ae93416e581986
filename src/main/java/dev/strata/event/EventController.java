package dev.strata.event;

import dev.strata.shared.Scope;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.strata.customer.Customer;
import dev.strata.customer.CustomerService;
import dev.strata.graphql.Batches;
import dev.strata.graphql.Connection;
import dev.strata.graphql.NodeFetcher;
import dev.strata.graphql.OwnerPages;
import dev.strata.graphql.Paging;
import dev.strata.security.Scopes;
import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** GraphQL entry to behaviour events: tracking them, a customer's timeline, and referrals. */
@Controller
class EventController implements NodeFetcher {

    static final String PAGES = "customerEventPages";

    private final EventIngestService ingest;
    private final EventService events;
    private final CustomerService customers;

    EventController(EventIngestService ingest, EventService events, CustomerService customers, BatchLoaderRegistry loaders) {
        this.ingest = ingest;
        this.events = events;
        this.customers = customers;
        loaders.<OwnerPages.Key, Connection<Event>>forName(PAGES)
                .registerMappedBatchLoader((keys, env) -> Mono.fromSupplier(() -> OwnerPages.load(keys, events)));
    }

    @MutationMapping
    EventIngestService.TrackResult trackEvents(@Argument EventInput.Batch input, Scope scope) {
        return ingest.track(input, scope);
    }

    /** Batched across a list of customers through a data loader, since each page request carries arguments. */
    @SchemaMapping(typeName = "Customer")
    CompletableFuture<Connection<Event>> events(Customer customer, @Argument Integer first, @Argument String after,
            DataFetchingEnvironment env) {
        Paging paging = EventService.paging(first, after);
        DataLoader<OwnerPages.Key, Connection<Event>> loader = env.getDataLoader(PAGES);
        return loader.load(new OwnerPages.Key(customer.id(), paging.first(), paging.after()));
    }

    /** The embedded last 20, completed with their properties from the events collection in one query. */
    @BatchMapping(typeName = "Customer")
    Map<Customer, List<Event>> recentEvents(List<Customer> page) {
        Map<String, Event> stored = events.byIds(page.stream().flatMap(c -> c.recentEvents().stream())
                .map(Customer.RecentEvent::eventId).distinct().toList());
        return Batches.byKey(page, customer -> customer.recentEvents().stream()
                .sorted(Comparator.comparing(Customer.RecentEvent::occurredAt).reversed()).limit(EventEffects.RECENT)
                .map(r -> stored.getOrDefault(r.eventId(),
                        new Event(r.eventId(), customer.id(), r.type(), r.channel(), r.occurredAt(), List.of(), null)))
                .toList());
    }

    /** The referrer when the viewer's scope may see them. */
    @BatchMapping(typeName = "Customer")
    Map<Customer, Customer> referredBy(List<Customer> page, GraphQLContext request) {
        List<String> ids = page.stream().map(Customer::referredBy).filter(id -> id != null).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Customer> referrers = customers.findAllInScope(ids, Scopes.of(request));
        Map<String, Customer> byId = referrers.stream().collect(Collectors.toMap(Customer::id, Function.identity()));
        return Batches.byKey(page, c -> c.referredBy() == null ? null : byId.get(c.referredBy()));
    }

    /** Events are reached only through customers the viewer may see, so their customer needs no further check. */
    @BatchMapping(typeName = "Event")
    Map<Event, Customer> customer(List<Event> page) {
        Map<String, Customer> byId = customers.byIdUnscoped(page.stream().map(Event::customerId).distinct().toList());
        return Batches.byKey(page, e -> byId.get(e.customerId()));
    }

    @Override
    public String typeName() {
        return "Event";
    }

    @Override
    public Object fetch(String localId, Scope scope) {
        return events.find(localId, scope);
    }
}
