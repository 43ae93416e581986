package dev.strata.task;

import java.time.Instant;
import java.util.List;

import dev.strata.shared.Tier;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The tier service plans in force (one document, {@code _id} "current", a new version per change): how often each tier is called. */
@Document("service_plans")
public record ServicePlan(@Id String id, int version, List<TierInterval> intervals, Instant updatedAt, String updatedBy) {

    static final String CURRENT = "current";

    /** The seeds' standardized service: DIAMOND every 30 days, PLATINUM 60, GOLD 90, ORDINARY none. */
    static final ServicePlan DEFAULT = new ServicePlan(CURRENT, 0, List.of(new TierInterval(Tier.DIAMOND, 30),
            new TierInterval(Tier.PLATINUM, 60), new TierInterval(Tier.GOLD, 90), new TierInterval(Tier.ORDINARY, null)),
            null, null);

    public ServicePlan {
        intervals = intervals == null ? List.of() : intervals;
    }

    /** One tier's contact interval in days; null: no plan for the tier. */
    public record TierInterval(Tier tier, Integer everyDays) {
    }

    /** The tier's interval in days, or null when the tier has no plan. */
    public Integer everyDays(Tier tier) {
        for (TierInterval interval : intervals) {
            if (interval.tier() == tier) {
                return interval.everyDays();
            }
        }
        return null;
    }
}
