package dev.strata.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.strata.shared.Channel;
import dev.strata.touchpoint.Touchpoint;
import dev.strata.touchpoint.TouchpointService;
import dev.strata.touchpoint.TouchpointStatus;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Stores a campaign together with the enrollments and contacts it already had (demo data, history brought in):
 * the counters are computed from the same contacts, so the stats equal a recount of the touchpoints.
 */
@Component
public class PastCampaigns {

    private final MongoTemplate mongo;
    private final TouchpointService touchpoints;
    private final StatsCounters stats;
    private final EventCampaigns eventCampaigns;

    PastCampaigns(MongoTemplate mongo, TouchpointService touchpoints, StatsCounters stats, EventCampaigns eventCampaigns) {
        this.mongo = mongo;
        this.eventCampaigns = eventCampaigns;
        this.touchpoints = touchpoints;
        this.stats = stats;
    }

    /** One customer's way through the campaign: enrolled at {@code at}, in the control group or contacted. */
    public record Enrolled(String customerId, boolean control, Instant at, boolean goalReached, List<Contact> contacts) {
    }

    /** One contact and the furthest status it reached ({@code revenue} with CONVERTED). */
    public record Contact(String touchpointId, String trackingToken, Channel channel, String stepKey, String variant,
            TouchpointStatus status, String reason, BigDecimal revenue, Instant at) {
    }

    /** Whether a customer is in a campaign's control group: the same stable hash the journeys use. */
    public static boolean isControl(String campaignId, String customerId, double percent) {
        return Enrollments.isControl(campaignId, customerId, percent);
    }

    /** Inserts the campaign, ended enrollments, touchpoints (on the customers' recent lists) and the counters. */
    public void store(Campaign campaign, int audienceSize, List<Enrolled> enrolled) {
        mongo.insert(campaign);
        eventCampaigns.written();
        List<Enrollment> enrollments = new ArrayList<>();
        List<Touchpoint> contacts = new ArrayList<>();
        StatsCounters.Increments counters = StatsCounters.increments().add("audienceSize", audienceSize);
        for (Enrolled e : enrolled) {
            String enrollmentId = Enrollment.idOf(campaign.id(), e.customerId());
            boolean converted = e.goalReached() || e.contacts().stream().anyMatch(c -> c.status() == TouchpointStatus.CONVERTED);
            int rank = 0;
            Channel answered = null;
            for (Contact c : e.contacts()) {
                Touchpoint t = touchpoint(campaign, enrollmentId, e.customerId(), c);
                contacts.add(t);
                counters.moved(t, null, c.status(), campaign.costOf(c.channel())).revenue(t, c.revenue());
                if (StatsCounters.rank(c.status()) > Math.max(rank, StatsCounters.rank(TouchpointStatus.DELIVERED))) {
                    rank = StatsCounters.rank(c.status());
                    answered = c.channel();
                }
            }
            Instant ended = e.contacts().isEmpty() ? e.at() : e.contacts().get(e.contacts().size() - 1).at();
            enrollments.add(new Enrollment(enrollmentId, campaign.id(), e.customerId(), e.control(),
                    e.control() ? Enrollment.State.CONTROL : Enrollment.State.DONE, null, e.contacts().size() + 1L, null,
                    e.at(), ended, null, rank, answered, answered, converted, 1));
            counters.add("enrolled", 1).add("control", e.control() ? 1 : 0);
            if (converted) {
                counters.add(e.control() ? "controlConverted" : "convertedCustomers", 1);
            }
        }
        mongo.insertAll(enrollments);
        touchpoints.recordAll(contacts);
        stats.apply(campaign.id(), counters);
    }

    private static Touchpoint touchpoint(Campaign campaign, String enrollmentId, String customerId, Contact c) {
        List<Touchpoint.StatusChange> history = new ArrayList<>();
        int reached = StatsCounters.rank(c.status());
        if (reached <= 0) {
            history.add(new Touchpoint.StatusChange(c.status(), c.at()));
        }
        for (int level = 1; level <= reached; level++) {
            history.add(new Touchpoint.StatusChange(StatsCounters.FUNNEL.get(level - 1), c.at().plusSeconds(600L * (level - 1))));
        }
        boolean opened = reached >= StatsCounters.rank(TouchpointStatus.OPENED);
        boolean converted = c.status() == TouchpointStatus.CONVERTED;
        return new Touchpoint(c.touchpointId(), customerId, campaign.id(), c.stepKey(), c.channel(), c.status(), c.reason(),
                null, null, null, reached > 0 ? c.trackingToken() : null, reached > 0 ? c.at() : null,
                opened ? c.at().plusSeconds(1200) : null, converted ? c.at().plusSeconds(2400) : null,
                converted ? c.revenue() : null, c.at(), enrollmentId, c.variant(), enrollmentId + "|" + 1 + "|" + c.stepKey(),
                history, null);
    }
}
