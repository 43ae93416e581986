package dev.strata.task;

import java.util.ArrayList;
import java.util.List;

import dev.strata.customer.CustomerService;
import dev.strata.customer.CustomerWrites;
import dev.strata.graphql.GlobalId;
import dev.strata.graphql.UserError;
import dev.strata.shared.Scope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** A leaving RM's book, open tasks and card leads handed to another RM of the same branch, in one call. */
@Service
class Reassignments {

    static final int MAX_IDS = 10_000;

    private final BranchTasks branchTasks;
    private final CustomerService customers;
    private final CustomerWrites writes;
    private final MongoTemplate mongo;
    private final ApplicationEventPublisher events;

    Reassignments(BranchTasks branchTasks, CustomerService customers, CustomerWrites writes, MongoTemplate mongo,
            ApplicationEventPublisher events) {
        this.branchTasks = branchTasks;
        this.customers = customers;
        this.writes = writes;
        this.mongo = mongo;
        this.events = events;
    }

    record ReassignCustomersInput(String fromManagerCode, String toManagerCode, List<String> customerIds) {
    }

    record ReassignCustomersPayload(int customersMoved, int tasksMoved, List<UserError> userErrors) {
        static ReassignCustomersPayload error(UserError error) {
            return new ReassignCustomersPayload(0, 0, List.of(error));
        }
    }

    @PreAuthorize("hasRole('BRANCH_MANAGER')")
    ReassignCustomersPayload reassign(ReassignCustomersInput input, Scope scope) {
        if (scope.kind() != Scope.Kind.BRANCH) {
            return ReassignCustomersPayload.error(UserError.of("UNKNOWN_MANAGER", "no such RM in the branch", "fromManagerCode"));
        }
        List<String> branchRms = branchTasks.managersOf(scope.code());
        if (input.fromManagerCode() == null || !branchRms.contains(input.fromManagerCode())) {
            return ReassignCustomersPayload.error(UserError.of("UNKNOWN_MANAGER", "no such RM in the branch", "fromManagerCode"));
        }
        if (input.toManagerCode() == null || !branchRms.contains(input.toManagerCode())
                || input.toManagerCode().equals(input.fromManagerCode())) {
            return ReassignCustomersPayload.error(UserError.of("UNKNOWN_MANAGER", "no such other RM in the branch",
                    "toManagerCode"));
        }
        List<String> ids;
        if (input.customerIds() == null) {
            ids = customers.idsOfUnscoped(customers.visibleMembers(Scope.book(input.fromManagerCode())));
        } else {
            if (input.customerIds().size() > MAX_IDS) {
                return ReassignCustomersPayload.error(UserError.tooMany(MAX_IDS, "customerIds"));
            }
            ids = new ArrayList<>();
            for (int i = 0; i < input.customerIds().size(); i++) {
                String id = GlobalId.localIdOrNull(input.customerIds().get(i), "Customer");
                if (id == null) {
                    return ReassignCustomersPayload.error(UserError.invalidId("customerIds", String.valueOf(i)));
                }
                ids.add(id);
            }
        }
        Criteria theirs = Criteria.where("managerCode").is(input.fromManagerCode()).and("branchCode").is(scope.code());
        List<String> moved = mongo.find(Query.query(new Criteria().andOperator(Criteria.where("_id").in(ids), theirs)),
                dev.strata.customer.Customer.class).stream().map(dev.strata.customer.Customer::id).toList();
        writes.updateAll(moved, theirs, new Update().set("managerCode", input.toManagerCode()));
        long tasks = moved.isEmpty() ? 0 : mongo.updateMulti(Query.query(Criteria.where("customerId").in(moved)
                .and("managerCode").is(input.fromManagerCode()).and("status").is(Task.TaskStatus.OPEN)),
                Update.update("managerCode", input.toManagerCode()), Task.class).getModifiedCount();
        events.publishEvent(new BookReassigned(input.fromManagerCode(), input.toManagerCode(), moved));
        return new ReassignCustomersPayload(moved.size(), (int) tasks, List.of());
    }
}
