package dev.strata.touchpoint;

import dev.strata.shared.Scope;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.strata.customer.Customer;
import dev.strata.customer.CustomerService;
import dev.strata.graphql.Batches;
import dev.strata.graphql.Connection;
import dev.strata.graphql.NodeFetcher;
import dev.strata.graphql.OwnerPages;
import dev.strata.graphql.Paging;
import dev.strata.security.Role;
import dev.strata.security.Viewers;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** GraphQL entry to touchpoints: an RM logging a call or visit, and a customer's contact history. */
@Controller
class TouchpointController implements NodeFetcher {

    static final String PAGES = "customerTouchpointPages";

    private final HumanContacts contacts;
    private final TouchpointReads touchpoints;
    private final CustomerService customers;

    TouchpointController(HumanContacts contacts, TouchpointReads touchpoints, CustomerService customers,
            BatchLoaderRegistry loaders) {
        this.contacts = contacts;
        this.touchpoints = touchpoints;
        this.customers = customers;
        loaders.<OwnerPages.Key, Connection<Touchpoint>>forName(PAGES)
                .registerMappedBatchLoader((keys, env) -> Mono.fromSupplier(() -> OwnerPages.load(keys, touchpoints)));
    }

    @MutationMapping
    HumanContacts.RecordResult recordTouchpoint(@Argument HumanContacts.RecordInput input, Scope scope) {
        return contacts.recordHumanContact(input, scope);
    }

    /** Batched across a list of customers through a data loader, since each page request carries arguments. */
    @SchemaMapping(typeName = "Customer", field = "touchpoints")
    CompletableFuture<Connection<Touchpoint>> customerTouchpoints(Customer customer, @Argument Integer first,
            @Argument String after, DataFetchingEnvironment env) {
        Paging paging = Paging.of(first, after);
        DataLoader<OwnerPages.Key, Connection<Touchpoint>> loader = env.getDataLoader(PAGES);
        return loader.load(new OwnerPages.Key(customer.id(), paging.first(), paging.after()));
    }

    @BatchMapping(typeName = "Touchpoint")
    Map<Touchpoint, Customer> customer(List<Touchpoint> page) {
        Map<String, Customer> byId = customers.byIdUnscoped(page.stream().map(Touchpoint::customerId).distinct().toList());
        return Batches.byKey(page, t -> byId.get(t.customerId()));
    }

    /** Tracking tokens let anyone answer for the customer, so only admins see them. */
    @SchemaMapping(typeName = "Touchpoint")
    String trackingToken(Touchpoint touchpoint) {
        return Viewers.require().has(Role.ADMIN) ? touchpoint.trackingToken() : null;
    }

    @Override
    public String typeName() {
        return "Touchpoint";
    }

    @Override
    public Object fetch(String localId, Scope scope) {
        return touchpoints.find(localId, scope);
    }
}
