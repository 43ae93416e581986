package dev.strata.task;

import dev.strata.graphql.Connection;
import dev.strata.graphql.Paging;
import dev.strata.shared.Scope;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** GraphQL entry to the branch manager's side of tasks: their branch's tasks, new tasks, and handing a book over. */
@Controller
class BranchTaskController {

    private final BranchTasks branchTasks;
    private final Reassignments reassignments;

    BranchTaskController(BranchTasks branchTasks, Reassignments reassignments) {
        this.branchTasks = branchTasks;
        this.reassignments = reassignments;
    }

    @QueryMapping
    Connection<Task> tasks(@Argument BranchTasks.TaskFilter filter, @Argument Integer first, @Argument String after,
            Scope scope) {
        return branchTasks.tasks(filter, Paging.of(first, after), scope);
    }

    @MutationMapping
    BranchTasks.CreateTaskPayload createTask(@Argument BranchTasks.CreateTaskInput input, Scope scope) {
        return branchTasks.create(input, scope);
    }

    @MutationMapping
    Reassignments.ReassignCustomersPayload reassignCustomers(@Argument Reassignments.ReassignCustomersInput input,
            Scope scope) {
        return reassignments.reassign(input, scope);
    }
}
