package dev.strata.campaign;

import org.bson.Document;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Moves the counters that earlier versions kept in a collection of their own onto their campaigns, once, before any
 * runner starts; a fold cut short is finished on the next start without counting anything twice.
 */
@Component
class LegacyStatsFold implements SmartInitializingSingleton {

    static final String LEGACY = "campaign_stats";

    private final MongoTemplate mongo;

    LegacyStatsFold(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!mongo.collectionExists(LEGACY)) {
            return;
        }
        for (Document counters : mongo.findAll(Document.class, LEGACY)) {
            Object id = counters.remove("_id");
            mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and(StatsCounters.FIELD).exists(false)),
                    new Update().set(StatsCounters.FIELD, counters), Campaign.COLLECTION);
        }
        mongo.dropCollection(LEGACY);
    }
}
