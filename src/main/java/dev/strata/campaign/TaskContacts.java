package dev.strata.campaign;

import dev.strata.task.Task;
import dev.strata.task.TaskCompleted;
import dev.strata.touchpoint.Touchpoint;
import dev.strata.touchpoint.TouchpointStatus;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** An RM's completed campaign task is a contact of that campaign: counted in its funnel, cost and conversions. */
@Component
class TaskContacts {

    private final CampaignService campaigns;
    private final StatsCounters stats;
    private final ResponseEffects effects;

    TaskContacts(CampaignService campaigns, StatsCounters stats, ResponseEffects effects) {
        this.campaigns = campaigns;
        this.stats = stats;
        this.effects = effects;
    }

    /** A task is completed once (OPEN to DONE atomically), so this counts its touchpoint once. */
    @EventListener
    void onTaskCompleted(TaskCompleted completed) {
        Task task = completed.task();
        Touchpoint touchpoint = completed.touchpoint();
        if (task.campaignId() == null || touchpoint == null) {
            return;
        }
        Campaign campaign = campaigns.findUnscoped(task.campaignId());
        stats.apply(task.campaignId(), StatsCounters.increments().moved(touchpoint, null, touchpoint.status(),
                campaign == null ? null : campaign.costOf(touchpoint.channel())).revenue(touchpoint, touchpoint.revenue()));
        if (touchpoint.status() == TouchpointStatus.CONVERTED) {
            effects.converted(Enrollment.idOf(task.campaignId(), task.customerId()), task.campaignId());
        }
    }
}
