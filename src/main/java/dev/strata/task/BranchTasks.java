package dev.strata.task;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.strata.customer.Customer;
import dev.strata.customer.CustomerService;
import dev.strata.graphql.Connection;
import dev.strata.graphql.GlobalId;
import dev.strata.graphql.Paging;
import dev.strata.graphql.UserError;
import dev.strata.manager.RelationshipManager;
import dev.strata.security.Viewers;
import dev.strata.shared.Scope;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** A branch manager's view of tasks: hands out follow-ups to their RMs and sees their branch's tasks, overdue marked. */
@Service
class BranchTasks {

    static final int MAX_TITLE = 200;

    private final MongoTemplate mongo;
    private final TaskService tasks;
    private final CustomerService customers;
    private final Clock clock;

    BranchTasks(MongoTemplate mongo, TaskService tasks, CustomerService customers, Clock clock) {
        this.mongo = mongo;
        this.tasks = tasks;
        this.customers = customers;
        this.clock = clock;
    }

    record TaskFilter(String managerCode, Task.TaskStatus status, Boolean overdue) {
    }

    record CreateTaskInput(String customerId, String title, Instant dueAt, String managerCode) {
    }

    record CreateTaskPayload(Task task, List<UserError> userErrors) {
    }

    /** The RM codes of a branch (a small collection). */
    List<String> managersOf(String branchCode) {
        return mongo.find(Query.query(Criteria.where("branchCode").is(branchCode)), RelationshipManager.class).stream()
                .map(RelationshipManager::code).toList();
    }

    @PreAuthorize("hasAnyRole('BRANCH_MANAGER','ADMIN')")
    Connection<Task> tasks(TaskFilter filter, Paging paging, Scope scope) {
        TaskFilter f = filter == null ? new TaskFilter(null, null, null) : filter;
        List<String> allowed = scope.kind() == Scope.Kind.BRANCH ? managersOf(scope.code()) : null;
        Criteria criteria;
        if (f.managerCode() != null) {
            criteria = Criteria.where("managerCode").is(allowed == null || allowed.contains(f.managerCode())
                    ? f.managerCode() : "-");
        } else {
            criteria = allowed == null ? new Criteria() : Criteria.where("managerCode").in(allowed);
        }
        if (f.status() != null) {
            criteria = criteria.and("status").is(f.status());
        }
        if (Boolean.TRUE.equals(f.overdue())) {
            criteria = criteria.and("dueAt").lt(clock.instant()).and("status").is(Task.TaskStatus.OPEN);
        }
        return DueDatePages.page(mongo, criteria, paging);
    }

    @PreAuthorize("hasAnyRole('BRANCH_MANAGER','ADMIN')")
    CreateTaskPayload create(CreateTaskInput input, Scope scope) {
        String id = GlobalId.localIdOrNull(input.customerId(), "Customer");
        if (id == null) {
            return new CreateTaskPayload(null, List.of(UserError.invalidId("customerId")));
        }
        List<UserError> errors = new ArrayList<>();
        if (input.title() == null || input.title().isBlank() || input.title().length() > MAX_TITLE) {
            errors.add(UserError.invalid("title must be 1 to " + MAX_TITLE + " characters", "title"));
        }
        if (input.dueAt() == null) {
            errors.add(UserError.of("REQUIRED", "dueAt is required", "dueAt"));
        }
        if (!errors.isEmpty()) {
            return new CreateTaskPayload(null, errors);
        }
        Customer customer = customers.findForChange(id, scope);
        if (customer == null || (scope.kind() == Scope.Kind.FEED)) {
            return new CreateTaskPayload(null, List.of(UserError.notFound("customer", "customerId")));
        }
        String manager = input.managerCode() != null ? input.managerCode() : customer.managerCode();
        if (manager == null || (scope.kind() == Scope.Kind.BRANCH && !managersOf(scope.code()).contains(manager))) {
            return new CreateTaskPayload(null, List.of(UserError.of("UNKNOWN_MANAGER", "no such RM in the branch",
                    "managerCode")));
        }
        String key = "manual:" + Viewers.name() + ":" + customer.id() + ":" + clock.millis();
        tasks.createAll(List.of(new TaskService.NewTask(key, customer.id(), manager, input.title().trim(), null,
                input.dueAt())));
        Task task = mongo.findOne(Query.query(Criteria.where("dedupKey").is(key)), Task.class);
        return new CreateTaskPayload(task, List.of());
    }
}
