package dev.strata.campaign;

import java.util.List;

import dev.strata.rule.SegmentUsers;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** A segment that a live campaign targets or excludes may not be deleted. */
@Component
class CampaignSegmentUsers implements SegmentUsers {

    private final MongoTemplate mongo;

    CampaignSegmentUsers(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<String> usersOf(String segmentId) {
        return mongo.find(Query.query(new Criteria().orOperator(Criteria.where("segmentIds").is(segmentId),
                        Criteria.where("excludedSegmentIds").is(segmentId))
                .and("status").nin(CampaignStatus.CANCELLED, CampaignStatus.COMPLETED)), Campaign.class)
                .stream().map(c -> "campaign " + c.name()).toList();
    }
}
