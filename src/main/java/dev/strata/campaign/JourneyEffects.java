package dev.strata.campaign;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.strata.customer.CustomerLabels;
import dev.strata.rule.LabelKeys;
import dev.strata.task.TaskService;
import dev.strata.touchpoint.Touchpoint;
import dev.strata.touchpoint.TouchpointService;
import dev.strata.touchpoint.TouchpointStatus;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Carries out what a batch walk decided, in an order that survives a crash at any point: idempotent senders
 * first, then touchpoints (unique dedup keys: a retry records and counts nothing twice), then other senders
 * for what was stored, then the counters, the schedule, labels, tasks and moves.
 */
@Component
class JourneyEffects {

    private final TouchpointService touchpoints;
    private final ChannelSenders senders;
    private final StatsCounters stats;
    private final Schedule schedule;
    private final CustomerLabels labels;
    private final LabelKeys labelKeys;
    private final TaskService tasks;
    private final CampaignEntry entry;

    JourneyEffects(TouchpointService touchpoints, ChannelSenders senders, StatsCounters stats, Schedule schedule,
            CustomerLabels labels, LabelKeys labelKeys, TaskService tasks, CampaignEntry entry) {
        this.touchpoints = touchpoints;
        this.senders = senders;
        this.stats = stats;
        this.schedule = schedule;
        this.labels = labels;
        this.labelKeys = labelKeys;
        this.tasks = tasks;
        this.entry = entry;
    }

    void sendAndRecord(BatchWork work, Map<String, Campaign> campaigns) {
        Map<ChannelSender, List<ChannelSender.OutboundMessage>> first = new HashMap<>();
        work.messages.values().forEach(m -> {
            ChannelSender sender = senders.of(m.channel());
            if (sender.idempotent()) {
                first.computeIfAbsent(sender, s -> new ArrayList<>()).add(m);
            }
        });
        first.forEach(ChannelSender::send);
        List<Touchpoint> stored = touchpoints.recordAll(work.touchpoints);
        Map<ChannelSender, List<Touchpoint>> later = new HashMap<>();
        stored.stream().filter(t -> t.status() == TouchpointStatus.PLANNED)
                .forEach(t -> later.computeIfAbsent(senders.of(t.channel()), s -> new ArrayList<>()).add(t));
        Map<String, TouchpointStatus> finalStatus = new HashMap<>();
        stored.forEach(t -> finalStatus.put(t.id(), t.status()));
        Map<String, Update> updates = new HashMap<>();
        later.forEach((sender, planned) -> {
            List<ChannelSender.Outcome> outcomes = sender.send(planned.stream().map(t -> work.messages.get(t.id())).toList());
            for (int i = 0; i < planned.size(); i++) {
                Touchpoint t = planned.get(i);
                ChannelSender.Outcome outcome = outcomes.get(i);
                TouchpointStatus status = outcome.sent() ? TouchpointStatus.SENT : TouchpointStatus.FAILED;
                finalStatus.put(t.id(), status);
                Instant at = work.now;
                Update update = new Update().set("status", status).push("history", new Touchpoint.StatusChange(status, at));
                updates.put(t.id(), outcome.sent() ? update.set("sentAt", at) : update.set("reason", outcome.failure()));
            }
        });
        touchpoints.updateEach(updates);
        Map<String, StatsCounters.Increments> byCampaign = new HashMap<>();
        for (Touchpoint t : stored) {
            Campaign campaign = campaigns.get(t.campaignId());
            byCampaign.computeIfAbsent(t.campaignId(), id -> StatsCounters.increments())
                    .moved(t, null, finalStatus.get(t.id()), campaign == null ? null : campaign.costOf(t.channel()));
        }
        byCampaign.forEach(stats::apply);
    }

    void schedule(List<Schedule.Entry> entries) {
        schedule.add(entries);
    }

    void sideEffects(BatchWork work) {
        work.labels.forEach((key, customerIds) -> {
            var ref = labelKeys.byKey(List.of(key)).get(key);
            if (ref != null) {
                labels.apply(ref.id(), key, customerIds, "CAMPAIGN");
            }
        });
        tasks.createAll(work.tasks);
        work.moves.forEach((campaignId, customerIds) -> entry.move(campaignId, customerIds));
        work.endedPerCampaign.forEach((campaignId, ended) ->
                stats.apply(campaignId, StatsCounters.increments().add("active", -ended)));
    }
}
