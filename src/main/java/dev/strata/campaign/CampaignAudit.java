package dev.strata.campaign;

import dev.strata.audit.AuditEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Puts every campaign change and transition in the audit log. */
@Component
class CampaignAudit {

    private final ApplicationEventPublisher events;

    CampaignAudit(ApplicationEventPublisher events) {
        this.events = events;
    }

    void record(String actor, String action, Campaign campaign, String detail) {
        events.publishEvent(new AuditEvent(actor, "CAMPAIGN_" + action, "Campaign:" + campaign.id(),
                detail == null ? campaign.status().name() : campaign.status().name() + ": " + detail));
    }
}
