package dev.strata.campaign;

import java.util.List;

import dev.strata.event.Event;
import dev.strata.event.EventsRecorded;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * A campaign's goal event (e.g. PURCHASE within 14 days of enrollment) counts as a conversion, clicked or not,
 * for treated and control customers alike: that is what makes the uplift honest.
 */
@Component
class GoalConversions {

    private final MongoTemplate mongo;
    private final ResponseEffects effects;
    private final EventCampaigns eventCampaigns;

    GoalConversions(MongoTemplate mongo, ResponseEffects effects, EventCampaigns eventCampaigns) {
        this.mongo = mongo;
        this.effects = effects;
        this.eventCampaigns = eventCampaigns;
    }

    @EventListener
    void onEvents(EventsRecorded recorded) {
        List<Campaign> withGoals = eventCampaigns.current().stream().filter(c -> c.goal() != null).toList();
        if (withGoals.isEmpty()) {
            return;
        }
        for (Event event : recorded.events()) {
            for (Campaign campaign : withGoals) {
                if (!campaign.goal().eventType().equals(event.type())) {
                    continue;
                }
                Enrollment enrollment = mongo.findById(Enrollment.idOf(campaign.id(), event.customerId()), Enrollment.class);
                if (enrollment != null && !enrollment.converted() && !event.occurredAt().isBefore(enrollment.enrolledAt())
                        && !event.occurredAt().isAfter(enrollment.enrolledAt().plus(campaign.goal().within()))) {
                    effects.converted(enrollment.id(), campaign.id());
                }
            }
        }
    }
}
