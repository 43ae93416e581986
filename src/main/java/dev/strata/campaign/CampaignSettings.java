package dev.strata.campaign;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.strata.graphql.GlobalId;
import dev.strata.graphql.RowErrors;
import dev.strata.graphql.UserError;
import dev.strata.segment.Segment;
import dev.strata.segment.SegmentSnapshots;
import dev.strata.shared.EventTypes;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Checks everything a campaign is built from (texts, segments, control share, dates, goal, costs, trigger, journey). */
@Component
class CampaignSettings {

    static final int MAX_NAME = 100;
    static final int MAX_OBJECTIVE = 1000;
    static final int MAX_SEGMENTS = 20;
    static final Duration MAX_WINDOW = Duration.ofDays(365);

    private final MongoTemplate mongo;
    private final SegmentSnapshots snapshots;
    private final JourneyValidator journeys;

    CampaignSettings(MongoTemplate mongo, SegmentSnapshots snapshots, JourneyValidator journeys) {
        this.mongo = mongo;
        this.snapshots = snapshots;
        this.journeys = journeys;
    }

    /** The campaign's checked settings (status and people unset), or the errors. */
    record Checked(Campaign campaign, List<UserError> errors) {
    }

    /** An update's input over the stored campaign: what the input leaves out keeps its value; journey null keeps the steps. */
    static Merged merged(Campaign before, CampaignInputs.UpdateCampaignInput in) {
        var create = new CampaignInputs.CreateCampaignInput(in.name() != null ? in.name() : before.name(),
                in.objective() != null ? in.objective() : before.objective(),
                in.segmentIds() != null ? in.segmentIds() : encode(before.segmentIds()),
                in.snapshotId() != null ? in.snapshotId() : before.snapshotId() == null ? null
                        : GlobalId.encode("SegmentSnapshot", before.snapshotId()),
                in.excludedSegmentIds() != null ? in.excludedSegmentIds() : encode(before.excludedSegmentIds()),
                in.controlGroupPercent() != null ? in.controlGroupPercent() : before.controlGroupPercent(),
                in.startAt() != null ? in.startAt() : before.startAt(), in.endAt() != null ? in.endAt() : before.endAt(),
                in.goal() != null ? in.goal() : before.goal() == null ? null
                        : new CampaignInputs.GoalInput(before.goal().eventType(), before.goal().within()),
                in.costPerContact() != null ? in.costPerContact() : before.costPerContact().stream()
                        .map(c -> new CampaignInputs.ChannelCostInput(c.channel(), c.cost())).toList(),
                in.journey(),
                in.trigger() != null ? in.trigger() : before.trigger() == null ? null
                        : new CampaignInputs.TriggerInput(before.trigger().eventType(), before.trigger().channel(),
                                before.trigger().minAmount(), before.trigger().reentry()));
        return new Merged(create, in.journey() == null ? before.journey() : null);
    }

    /** An update as a full input; {@code keptJourney} is the stored journey when the update leaves it out. */
    record Merged(CampaignInputs.CreateCampaignInput input, List<JourneyStep> keptJourney) {
    }

    Checked check(Merged merged, String id) {
        return check(merged.input(), merged.keptJourney(), id);
    }

    Checked check(CampaignInputs.CreateCampaignInput in, String id) {
        return check(in, null, id);
    }

    private Checked check(CampaignInputs.CreateCampaignInput in, List<JourneyStep> keptJourney, String id) {
        List<UserError> errors = new ArrayList<>();
        if (!JourneySteps.validText(in.name(), MAX_NAME)) {
            errors.add(UserError.invalid("name must be 1-" + MAX_NAME + " characters", "name"));
        }
        if (in.objective() != null && in.objective().length() > MAX_OBJECTIVE) {
            errors.add(UserError.invalid("objective must be at most " + MAX_OBJECTIVE + " characters", "objective"));
        }
        List<String> segments = segmentIds(in.segmentIds(), "segmentIds", errors);
        List<String> excluded = segmentIds(in.excludedSegmentIds(), "excludedSegmentIds", errors);
        String snapshot = null;
        if (in.snapshotId() != null) {
            snapshot = GlobalId.localIdOrNull(in.snapshotId(), "SegmentSnapshot");
            if (snapshot == null) {
                errors.add(UserError.invalidId("snapshotId"));
            } else if (snapshots.find(snapshot).isEmpty()) {
                errors.add(UserError.notFound("snapshot", "snapshotId"));
            }
        }
        double control = in.controlGroupPercent() == null ? 0 : in.controlGroupPercent();
        if (control < 0 || control > 50 || Double.isNaN(control)) {
            errors.add(UserError.invalid("controlGroupPercent must be between 0 and 50", "controlGroupPercent"));
        }
        if (in.startAt() != null && in.endAt() != null && !in.endAt().isAfter(in.startAt())) {
            errors.add(UserError.invalid("endAt must be after startAt", "endAt"));
        }
        Campaign.Goal goal = null;
        if (in.goal() != null) {
            goal = new Campaign.Goal(in.goal().eventType(), in.goal().within());
            if (in.goal().eventType() == null || !in.goal().eventType().matches(EventTypes.PATTERN)) {
                errors.add(UserError.invalid("eventType must match " + EventTypes.PATTERN, "goal", "eventType"));
            }
            if (!positive(in.goal().within())) {
                errors.add(UserError.invalid("within must be positive and at most 365 days", "goal", "within"));
            }
        }
        List<Campaign.ChannelCost> costs = new ArrayList<>();
        List<CampaignInputs.ChannelCostInput> costInputs = in.costPerContact() == null ? List.of() : in.costPerContact();
        if (costInputs.size() > 8) {
            errors.add(UserError.tooMany(8, "costPerContact"));
        } else {
            Set<Object> channels = new HashSet<>();
            for (int i = 0; i < costInputs.size(); i++) {
                var cost = costInputs.get(i);
                if (!channels.add(cost.channel()) || cost.cost() == null || !RowErrors.isMoney(cost.cost())) {
                    errors.add(UserError.invalid("one non-negative cost with at most 2 decimals per channel",
                            "costPerContact", String.valueOf(i)));
                }
                costs.add(new Campaign.ChannelCost(cost.channel(), cost.cost()));
            }
        }
        Campaign.Trigger trigger = null;
        if (in.trigger() != null) {
            var t = in.trigger();
            trigger = new Campaign.Trigger(t.eventType(), t.channel(), t.minAmount(), t.reentry());
            if (t.eventType() == null || !t.eventType().matches(EventTypes.PATTERN)) {
                errors.add(UserError.invalid("eventType must match " + EventTypes.PATTERN, "trigger", "eventType"));
            }
            if (t.minAmount() != null && !RowErrors.isMoney(t.minAmount())) {
                errors.add(UserError.invalid("minAmount must be non-negative with at most 2 decimals", "trigger", "minAmount"));
            }
            if (t.reentry() != null && !positive(t.reentry())) {
                errors.add(UserError.invalid("reentry must be positive and at most 365 days", "trigger", "reentry"));
            }
        }
        List<JourneyStep> steps = keptJourney;
        if (steps == null) {
            JourneyValidator.Result journey = journeys.validate(in.journey(), id);
            errors.addAll(journey.errors());
            steps = journey.steps();
        }
        Campaign campaign = new Campaign(id, in.name() == null ? null : in.name().trim(), in.objective(), null, segments,
                snapshot, excluded, control, in.startAt(), in.endAt(), goal, costs, steps, trigger, null, null, null, null,
                null, null, null, null, null, null, 0, null);
        return new Checked(campaign, errors);
    }

    private List<String> segmentIds(List<String> ids, String field, List<UserError> errors) {
        if (ids == null) {
            return List.of();
        }
        if (ids.size() > MAX_SEGMENTS) {
            errors.add(UserError.tooMany(MAX_SEGMENTS, field));
            return List.of();
        }
        List<String> local = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = GlobalId.localIdOrNull(ids.get(i), "Segment");
            if (id == null) {
                errors.add(UserError.invalidId(field, String.valueOf(i)));
            } else if (mongo.findById(id, Segment.class) == null) {
                errors.add(UserError.notFound("segment", field, String.valueOf(i)));
            } else if (!local.contains(id)) {
                local.add(id);
            }
        }
        return local;
    }

    private static boolean positive(Duration duration) {
        return duration != null && !duration.isNegative() && !duration.isZero() && duration.compareTo(MAX_WINDOW) <= 0;
    }

    static List<String> encode(List<String> segmentIds) {
        return segmentIds.stream().map(id -> GlobalId.encode("Segment", id)).toList();
    }
}
