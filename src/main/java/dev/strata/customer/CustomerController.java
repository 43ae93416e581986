package dev.strata.customer;

import java.util.List;
import java.util.Map;

import dev.strata.audit.AuditEvent;
import dev.strata.branch.Branch;
import dev.strata.branch.BranchService;
import dev.strata.graphql.Batches;
import dev.strata.graphql.Connection;
import dev.strata.graphql.GlobalId;
import dev.strata.graphql.NodeFetcher;
import dev.strata.graphql.Paging;
import dev.strata.graphql.RowResult;
import dev.strata.manager.ManagerService;
import dev.strata.manager.RelationshipManager;
import dev.strata.security.Viewers;
import dev.strata.shared.Scope;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** GraphQL entry to customer portraits and the core-banking feed. */
@Controller
class CustomerController implements NodeFetcher {

    static final String ID_NUMBER = "idNumber";

    private final CustomerService customers;
    private final CustomerIngestService ingest;
    private final BranchService branches;
    private final ManagerService managers;
    private final ApplicationEventPublisher audit;

    CustomerController(CustomerService customers, CustomerIngestService ingest, BranchService branches,
            ManagerService managers, ApplicationEventPublisher audit) {
        this.customers = customers;
        this.ingest = ingest;
        this.branches = branches;
        this.managers = managers;
        this.audit = audit;
    }

    @QueryMapping
    Customer customer(@Argument String id, Scope scope) {
        return customers.find(GlobalId.localId(id, typeName()), scope);
    }

    @QueryMapping
    Connection<Customer> customers(@Argument Integer first, @Argument String after, @Argument CustomerFilter filter,
            Scope scope) {
        return customers.list(filter, Paging.of(first, after), scope);
    }

    @QueryMapping
    Customer customerByRef(@Argument String externalRef, Scope scope) {
        return customers.findByRef(externalRef, scope);
    }

    /** Read by hand from the coerced variables: reflective binding of 1,000 rows was a top hotspot. */
    @MutationMapping
    CustomerIngestService.UpsertResult upsertCustomers(DataFetchingEnvironment env) {
        return ingest.upsert(CustomerInputs.batch(env.getArgument("input")));
    }

    /** Batched so that the audit entries of a whole page of unmasked reads are one write. */
    @BatchMapping(field = ID_NUMBER)
    Map<Customer, String> idNumber(List<Customer> page) {
        if (!Masking.seesIdNumber(Viewers.require())) {
            return Batches.byKey(page, c -> Masking.maskIdNumber(c.idNumber()));
        }
        audit.publishEvent(new AuditEvent(Viewers.name(), "READ_UNMASKED",
                page.stream().filter(c -> c.idNumber() != null).map(Customer::id).distinct().toList(), ID_NUMBER));
        return Batches.byKey(page, Customer::idNumber);
    }

    @BatchMapping
    Map<Customer, Branch> branch(List<Customer> page) {
        Map<String, Branch> byCode = branches.findAll(page.stream().map(Customer::branchCode).distinct().toList());
        return Batches.byKey(page, c -> byCode.get(c.branchCode()));
    }

    @BatchMapping
    Map<Customer, RelationshipManager> manager(List<Customer> page) {
        Map<String, RelationshipManager> byCode = managers.findAll(page.stream().map(Customer::managerCode).distinct().toList());
        return Batches.byKey(page, c -> byCode.get(c.managerCode()));
    }

    @BatchMapping(typeName = "RowResult")
    Map<RowResult, Customer> customer(List<RowResult> rows) {
        // Only the feed and admins upsert; they may see the rows they wrote.
        Map<String, Customer> byId = customers.byIdUnscoped(rows.stream().map(RowResult::customerId).distinct().toList());
        return Batches.byKey(rows, r -> byId.get(r.customerId()));
    }

    @Override
    public String typeName() {
        return "Customer";
    }

    @Override
    public Object fetch(String localId, Scope scope) {
        return customers.find(localId, scope);
    }
}
