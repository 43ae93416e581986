package dev.strata.campaign;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.strata.shared.RecentReads;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The campaigns a stored event can act on (triggered entry, goal conversions), as read within the last second
 * ({@link RecentReads}): every batch of events asked the store for them twice, a scan of all campaigns each. A
 * campaign written on this instance is seen at once; another instance's change once the list is older than
 * {@code maxAge}.
 */
@Component
class EventCampaigns {

    private static final String ALL = "campaigns-acting-on-events";

    private final MongoTemplate mongo;
    private final RecentReads<List<Campaign>> recent;

    EventCampaigns(MongoTemplate mongo, @Value("${strata.campaigns.event-campaigns-max-age:PT1S}") Duration maxAge) {
        this.mongo = mongo;
        this.recent = new RecentReads<>(maxAge, 1);
    }

    /** Campaigns with a trigger or a goal that are running, paused or completed. */
    List<Campaign> current() {
        return recent.get(List.of(ALL), keys -> Map.of(ALL, List.copyOf(mongo.find(Query.query(new Criteria().andOperator(
                Criteria.where("status").in(CampaignStatus.RUNNING, CampaignStatus.PAUSED, CampaignStatus.COMPLETED),
                new Criteria().orOperator(Criteria.where("trigger").ne(null), Criteria.where("goal").ne(null)))),
                Campaign.class)))).get(ALL);
    }

    /** A campaign was written on this instance: the next event batch reads the campaigns again. */
    void written() {
        recent.written(List.of(ALL));
    }
}
