package dev.strata.task;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import dev.strata.customer.Customer;
import dev.strata.customer.CustomerService;
import dev.strata.event.EventsRecorded;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A customer crossing the churn-risk threshold (scoring's CHURN_RISK_HIGH event) becomes a retention call for their RM. */
@Component
class ChurnTasks {

    static final String CHURN_RISK_HIGH = "CHURN_RISK_HIGH";
    static final Duration CALL_WITHIN = Duration.ofDays(3);

    private final TaskService tasks;
    private final CustomerService customers;
    private final Clock clock;
    private final ZoneId zone;

    ChurnTasks(TaskService tasks, CustomerService customers, Clock clock,
            @Value("${strata.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.tasks = tasks;
        this.customers = customers;
        this.clock = clock;
        this.zone = zone;
    }

    /** One task per customer and day, however often the crossing is reported. */
    @EventListener
    void on(EventsRecorded recorded) {
        List<String> ids = recorded.events().stream().filter(e -> CHURN_RISK_HIGH.equals(e.type()))
                .map(e -> e.customerId()).distinct().toList();
        if (ids.isEmpty()) {
            return;
        }
        var now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<TaskService.NewTask> due = customers.findAllUnscoped(ids).stream().filter(c -> c.managerCode() != null)
                .map((Customer c) -> new TaskService.NewTask("churn:" + c.id() + ":" + today, c.id(), c.managerCode(),
                        "流失预警：挽留回访 " + c.name(), null, now.plus(CALL_WITHIN)))
                .toList();
        tasks.createAll(due);
    }
}
