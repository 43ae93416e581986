package dev.strata.task;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dev.strata.customer.CustomerService;
import dev.strata.graphql.Connection;
import dev.strata.graphql.GlobalId;
import dev.strata.graphql.Paging;
import dev.strata.graphql.UserError;
import dev.strata.security.Viewers;
import dev.strata.shared.Channel;
import dev.strata.shared.Scope;
import dev.strata.touchpoint.ContactOutcome;
import dev.strata.touchpoint.Touchpoint;
import dev.strata.touchpoint.TouchpointService;
import org.bson.types.ObjectId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** RM follow-up tasks: created by campaign steps, listed for the RM, closed with an outcome that becomes a touchpoint. */
@Service
public class TaskService {

    static final int MAX_NOTE = 1000;

    private final MongoTemplate mongo;
    private final TouchpointService touchpoints;
    private final CustomerService customers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TaskService(MongoTemplate mongo, TouchpointService touchpoints, CustomerService customers,
            ApplicationEventPublisher events, Clock clock) {
        this.mongo = mongo;
        this.touchpoints = touchpoints;
        this.customers = customers;
        this.events = events;
        this.clock = clock;
    }

    /** A task a campaign step asks for; {@code dedupKey} makes a retried step create it once; {@code id} null: a new one. */
    public record NewTask(String dedupKey, String customerId, String managerCode, String title, String campaignId,
            String stepKey, Instant dueAt, String id) {

        /** A new task outside a journey step (leads, alerts, a branch manager's request). */
        public NewTask(String dedupKey, String customerId, String managerCode, String title, String campaignId,
                Instant dueAt) {
            this(dedupKey, customerId, managerCode, title, campaignId, null, dueAt, null);
        }
    }

    record CompleteTaskInput(String taskId, ContactOutcome outcome, String note) {
    }

    record CompleteTaskPayload(Task task, Touchpoint touchpoint, List<UserError> userErrors) {
    }

    /** Stores the tasks in one unordered write; those already created by an earlier attempt are skipped. Returns how many are new. */
    public int createAll(List<NewTask> tasks) {
        if (tasks.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Task.class);
        bulk.insert(tasks.stream().map(t -> new Task(t.id() != null ? t.id() : new ObjectId().toHexString(), t.customerId(), t.managerCode(),
                t.title(), t.campaignId(), t.dueAt(), Task.TaskStatus.OPEN, null, null, null, null, t.dedupKey(), now, t.stepKey()))
                .toList());
        try {
            bulk.execute();
            return tasks.size();
        } catch (BulkOperationException e) {
            if (e.getErrors().stream().anyMatch(error -> error.getCode() != 11000)) {
                throw e;
            }
            return tasks.size() - e.getErrors().size();
        }
    }

    /** The signed-in RM's tasks, oldest first, optionally only those due before a time. */
    @PreAuthorize("hasRole('RELATIONSHIP_MANAGER')")
    Connection<Task> myTasks(Paging paging, Instant dueBefore) {
        String manager = Viewers.require().managerCode();
        Criteria filter = Criteria.where("managerCode").is(manager == null ? "-" : manager);
        if (dueBefore != null) {
            filter = filter.and("dueAt").lt(dueBefore);
        }
        return DueDatePages.page(mongo, filter, paging);
    }

    @PreAuthorize("hasAnyRole('RELATIONSHIP_MANAGER','BRANCH_MANAGER','ADMIN')")
    CompleteTaskPayload complete(CompleteTaskInput input, Scope scope) {
        String id = GlobalId.localIdOrNull(input.taskId(), "Task");
        if (id == null) {
            return new CompleteTaskPayload(null, null, List.of(UserError.invalidId("taskId")));
        }
        if (input.note() != null && input.note().length() > MAX_NOTE) {
            return new CompleteTaskPayload(null, null, List.of(UserError.invalid("note must be at most " + MAX_NOTE
                    + " characters", "note")));
        }
        Task task = find(id, scope);
        if (task == null) {
            return new CompleteTaskPayload(null, null, List.of(UserError.notFound("task", "taskId")));
        }
        Instant now = clock.instant();
        Task done = mongo.findAndModify(Query.query(Criteria.where("_id").is(id).and("status").is(Task.TaskStatus.OPEN)),
                new Update().set("status", Task.TaskStatus.DONE).set("outcome", input.outcome()).set("note", input.note())
                        .set("completedAt", now), FindAndModifyOptions.options().returnNew(true), Task.class);
        if (done == null) {
            return new CompleteTaskPayload(task, null, List.of(UserError.of("ILLEGAL_TRANSITION",
                    "the task is not open", "taskId")));
        }
        var status = input.outcome().status();
        Touchpoint touchpoint = new Touchpoint(new ObjectId().toHexString(), task.customerId(), task.campaignId(), task.stepKey(),
                Channel.PHONE_CALL, status, null, input.outcome(), input.note(), Viewers.name(), null, now, null,
                status == dev.strata.touchpoint.TouchpointStatus.CONVERTED ? now : null, null, now, null, null,
                "task:" + id, List.of(new Touchpoint.StatusChange(status, now)), null);
        touchpoints.record(touchpoint);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), Update.update("touchpointId", touchpoint.id()),
                Task.class);
        events.publishEvent(new TaskCompleted(done, touchpoint));
        return new CompleteTaskPayload(done, touchpoint, List.of());
    }

    /** A task its RM (or their branch manager, or an admin) may see; null otherwise. */
    Task find(String id, Scope scope) {
        Task task = mongo.findById(id, Task.class);
        if (task == null) {
            return null;
        }
        if (scope.kind() == Scope.Kind.BOOK) {
            return scope.code().equals(task.managerCode()) ? task : null;
        }
        var customer = customers.findStoredUnscoped(task.customerId());
        return customer != null && CustomerService.allows(scope, customer) ? task : null;
    }
}
