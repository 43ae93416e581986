package dev.strata.campaign;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.strata.customer.Customer;
import dev.strata.customer.LiveCustomers;
import dev.strata.event.Event;
import dev.strata.event.EventsRecorded;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * How customers enter a running campaign other than at launch: moved there by another journey's step, or
 * triggered by one of their events (type, channel, minimum amount) when they match the target segments,
 * once, or again after the campaign's cool-down. The first step is then due at once.
 */
@Component
class CampaignEntry {

    static final String AMOUNT = "amount";

    private final MongoTemplate mongo;
    private final Enrollments enrollments;
    private final LaunchEnrollment launch;
    private final LiveCustomers live;
    private final EventCampaigns eventCampaigns;
    private final Clock clock;

    CampaignEntry(MongoTemplate mongo, Enrollments enrollments, LaunchEnrollment launch, LiveCustomers live,
            EventCampaigns eventCampaigns, Clock clock) {
        this.mongo = mongo;
        this.eventCampaigns = eventCampaigns;
        this.enrollments = enrollments;
        this.launch = launch;
        this.live = live;
        this.clock = clock;
    }

    /** A moveToCampaign step: the customers join the target if it is running (and not past its end). */
    void move(String campaignId, List<String> customerIds) {
        Campaign target = campaignId == null ? null : mongo.findById(campaignId, Campaign.class);
        if (target != null && accepts(target, clock.instant())) {
            enrollments.enroll(target, customerIds);
        }
    }

    @EventListener
    void onEvents(EventsRecorded recorded) {
        Instant now = clock.instant();
        List<Campaign> triggered = eventCampaigns.current().stream().filter(c -> c.trigger() != null && accepts(c, now))
                .toList();
        if (triggered.isEmpty()) {
            return;
        }
        Map<String, RoaringBitmap> audiences = new HashMap<>();
        Map<String, Customer> byId = live.resolveUnscoped(recorded.events().stream().map(Event::customerId).distinct()
                .toList());
        for (Event event : recorded.events()) {
            Customer customer = byId.get(event.customerId());
            if (customer == null) {
                continue;
            }
            for (Campaign campaign : triggered) {
                if (matches(campaign.trigger(), event) && audiences.computeIfAbsent(campaign.id(),
                        id -> target(campaign)).contains((int) customer.seq())) {
                    enter(campaign, customer.id(), now);
                }
            }
        }
    }

    private void enter(Campaign campaign, String customerId, Instant now) {
        Enrollment existing = mongo.findById(Enrollment.idOf(campaign.id(), customerId), Enrollment.class);
        if (existing == null) {
            enrollments.enroll(campaign, new ArrayList<>(List.of(customerId)));
        } else if (existing.state() == Enrollment.State.DONE && campaign.trigger().reentry() != null
                && existing.endedAt() != null && !existing.endedAt().plus(campaign.trigger().reentry()).isAfter(now)) {
            enrollments.reenter(campaign, existing);
        }
    }

    private RoaringBitmap target(Campaign campaign) {
        return launch.audience(campaign, true);
    }

    static boolean matches(Campaign.Trigger trigger, Event event) {
        if (!trigger.eventType().equals(event.type()) || trigger.channel() != null && trigger.channel() != event.channel()) {
            return false;
        }
        if (trigger.minAmount() == null) {
            return true;
        }
        try {
            String amount = event.property(AMOUNT);
            return amount != null && new BigDecimal(amount).abs().compareTo(trigger.minAmount()) >= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static boolean accepts(Campaign campaign, Instant now) {
        return campaign.status() == CampaignStatus.RUNNING && (campaign.endAt() == null || campaign.endAt().isAfter(now))
                && (campaign.startAt() == null || !campaign.startAt().isAfter(now));
    }
}
