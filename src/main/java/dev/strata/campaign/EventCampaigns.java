package dev.strata.campaign;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The campaigns a stored event can act on (triggered entry, goal conversions), as read within the last second:
 * every batch of events asked the store for them twice, a scan of all campaigns each. A campaign written on this
 * instance is seen at once; another instance's change once the list is older than {@code maxAge}.
 */
@Component
class EventCampaigns {

    private record Read(List<Campaign> campaigns, long readAt) {
    }

    private final MongoTemplate mongo;
    private final long maxAgeNanos;
    private final AtomicLong writes = new AtomicLong();
    private volatile Read last;

    EventCampaigns(MongoTemplate mongo, @Value("${strata.campaigns.event-campaigns-max-age:PT1S}") Duration maxAge) {
        this.mongo = mongo;
        this.maxAgeNanos = maxAge.toNanos();
    }

    /** Campaigns with a trigger or a goal that are running, paused or completed. */
    List<Campaign> current() {
        Read read = last;
        long now = System.nanoTime();
        if (read != null && now - read.readAt() < maxAgeNanos) {
            return read.campaigns();
        }
        long writesBefore = writes.get();
        List<Campaign> campaigns = List.copyOf(mongo.find(Query.query(new Criteria().andOperator(
                Criteria.where("status").in(CampaignStatus.RUNNING, CampaignStatus.PAUSED, CampaignStatus.COMPLETED),
                new Criteria().orOperator(Criteria.where("trigger").ne(null), Criteria.where("goal").ne(null)))),
                Campaign.class));
        if (writes.get() == writesBefore) {
            last = new Read(campaigns, now);
            // a write that slipped in after the check above must not be hidden by this read
            if (writes.get() != writesBefore) {
                last = null;
            }
        }
        return campaigns;
    }

    /** A campaign was written on this instance: the next event batch reads the campaigns again. */
    void written() {
        writes.incrementAndGet();
        last = null;
    }
}
