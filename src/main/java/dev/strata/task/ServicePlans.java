package dev.strata.task;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.strata.graphql.UserError;
import dev.strata.security.Viewers;
import dev.strata.shared.Tier;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Reads and changes the tier service plans: ADMIN sets the intervals, everyone on staff may read them. */
@Service
public class ServicePlans {

    static final int MAX_DAYS = 366;

    private final MongoTemplate mongo;
    private final Clock clock;

    ServicePlans(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    record UpdateTierServicePlanInput(List<ServicePlan.TierInterval> intervals) {
    }

    record UpdateTierServicePlanPayload(ServicePlan plan, List<UserError> userErrors) {
    }

    /** The plan in force: the stored one, or the defaults before ADMIN ever changed it. */
    public ServicePlan current() {
        ServicePlan stored = mongo.findById(ServicePlan.CURRENT, ServicePlan.class);
        return stored == null ? ServicePlan.DEFAULT : stored;
    }

    @PreAuthorize("hasAnyRole('ADMIN','MARKETER','ANALYST','BRANCH_MANAGER','RELATIONSHIP_MANAGER')")
    ServicePlan read() {
        return current();
    }

    /** Tiers named replace their interval (null or absent everyDays: no plan); tiers not named keep theirs. */
    @PreAuthorize("hasRole('ADMIN')")
    UpdateTierServicePlanPayload update(UpdateTierServicePlanInput input) {
        List<ServicePlan.TierInterval> sent = input.intervals() == null ? List.of() : input.intervals();
        List<UserError> errors = new ArrayList<>();
        if (sent.isEmpty()) {
            errors.add(UserError.of("EMPTY", "name at least one tier", "intervals"));
        }
        java.util.Set<Tier> seen = java.util.EnumSet.noneOf(Tier.class);
        for (int i = 0; i < sent.size(); i++) {
            ServicePlan.TierInterval row = sent.get(i);
            if (!seen.add(row.tier())) {
                errors.add(UserError.invalid("each tier at most once", "intervals", String.valueOf(i), "tier"));
            }
            if (row.everyDays() != null && (row.everyDays() < 1 || row.everyDays() > MAX_DAYS)) {
                errors.add(UserError.invalid("everyDays must be 1 to " + MAX_DAYS + ", or null for no plan",
                        "intervals", String.valueOf(i), "everyDays"));
            }
        }
        ServicePlan current = current();
        if (!errors.isEmpty()) {
            return new UpdateTierServicePlanPayload(current, errors);
        }
        Map<Tier, Integer> merged = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            merged.put(tier, current.everyDays(tier));
        }
        sent.forEach(row -> merged.put(row.tier(), row.everyDays()));
        List<ServicePlan.TierInterval> intervals = new ArrayList<>();
        for (Tier tier : List.of(Tier.DIAMOND, Tier.PLATINUM, Tier.GOLD, Tier.ORDINARY)) {
            intervals.add(new ServicePlan.TierInterval(tier, merged.get(tier)));
        }
        ServicePlan next = new ServicePlan(ServicePlan.CURRENT, current.version() + 1, intervals, clock.instant(),
                Viewers.name());
        mongo.save(next);
        return new UpdateTierServicePlanPayload(next, List.of());
    }
}
