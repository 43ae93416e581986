package dev.strata.task;

import java.util.List;

import dev.strata.graphql.UserError;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** GraphQL entry to the tier service plans: read them, ADMIN changes them or runs the nightly run now. */
@Controller
class ServicePlanController {

    private final ServicePlans plans;
    private final ServicePlanRun run;

    ServicePlanController(ServicePlans plans, ServicePlanRun run) {
        this.plans = plans;
        this.run = run;
    }

    record RunServicePlansInput(List<dev.strata.shared.Tier> tiers) {
    }

    record RunServicePlansPayload(int tasksCreated, List<UserError> userErrors) {
    }

    @QueryMapping
    ServicePlan tierServicePlan() {
        return plans.read();
    }

    @MutationMapping
    ServicePlans.UpdateTierServicePlanPayload updateTierServicePlan(@Argument ServicePlans.UpdateTierServicePlanInput input) {
        return plans.update(input);
    }

    @MutationMapping
    RunServicePlansPayload runServicePlans(@Argument RunServicePlansInput input) {
        return new RunServicePlansPayload(run.runNow(input == null ? null : input.tiers()), List.of());
    }
}
