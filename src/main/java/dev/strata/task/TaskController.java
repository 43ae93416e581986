package dev.strata.task;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.strata.customer.Customer;
import dev.strata.customer.CustomerService;
import dev.strata.graphql.Batches;
import dev.strata.graphql.Connection;
import dev.strata.graphql.NodeFetcher;
import dev.strata.graphql.Paging;
import dev.strata.manager.ManagerService;
import dev.strata.manager.RelationshipManager;
import dev.strata.shared.Scope;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** GraphQL entry to an RM's follow-up tasks. */
@Controller
class TaskController implements NodeFetcher {

    private final TaskService tasks;
    private final CustomerService customers;
    private final ManagerService managers;
    private final Clock clock;

    TaskController(TaskService tasks, CustomerService customers, ManagerService managers, Clock clock) {
        this.tasks = tasks;
        this.customers = customers;
        this.managers = managers;
        this.clock = clock;
    }

    @QueryMapping
    Connection<Task> myTasks(@Argument Integer first, @Argument String after, @Argument Instant dueBefore) {
        return tasks.myTasks(Paging.of(first, after), dueBefore);
    }

    @MutationMapping
    TaskService.CompleteTaskPayload completeTask(@Argument TaskService.CompleteTaskInput input, Scope scope) {
        return tasks.complete(input, scope);
    }

    @BatchMapping(typeName = "Task")
    Map<Task, Customer> customer(List<Task> page) {
        Map<String, Customer> byId = customers.byIdUnscoped(page.stream().map(Task::customerId).distinct().toList());
        return Batches.byKey(page, t -> byId.get(t.customerId()));
    }

    @BatchMapping(typeName = "Task")
    Map<Task, RelationshipManager> manager(List<Task> page) {
        Map<String, RelationshipManager> byCode = managers.findAll(page.stream().map(Task::managerCode)
                .filter(java.util.Objects::nonNull).distinct().toList());
        return Batches.byKey(page, t -> t.managerCode() == null ? null : byCode.get(t.managerCode()));
    }

    @SchemaMapping(typeName = "Task")
    boolean overdue(Task task) {
        return task.status() == Task.TaskStatus.OPEN && task.dueAt().isBefore(clock.instant());
    }

    @Override
    public String typeName() {
        return "Task";
    }

    @Override
    public Object fetch(String localId, Scope scope) {
        return tasks.find(localId, scope);
    }
}
