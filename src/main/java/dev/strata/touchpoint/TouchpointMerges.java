package dev.strata.touchpoint;

import dev.strata.customer.CustomersMerged;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Keeps contact histories whole when customers are merged. */
@Component
class TouchpointMerges {

    private final MongoTemplate mongo;

    TouchpointMerges(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A merged customer's touchpoints become the survivor's. */
    @EventListener
    void onCustomersMerged(CustomersMerged merged) {
        mongo.updateMulti(Query.query(Criteria.where("customerId").is(merged.mergedId())),
                Update.update("customerId", merged.survivorId()), Touchpoint.class);
    }
}
