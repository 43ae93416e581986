package dev.strata.customer;

import java.time.Clock;
import java.util.Collection;

import org.bson.Document;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** The customer side of labelling: which customers carry a label, within the caller's scope. */
@Service
public class CustomerLabels {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CustomerLabels(MongoTemplate mongo, Clock clock, ApplicationEventPublisher events) {
        this.mongo = mongo;
        this.clock = clock;
        this.events = events;
    }

    /** Puts the label on those of {@code customerIds} in scope that lack it; returns how many gained it. */
    public int apply(String labelId, String key, Collection<String> customerIds, String source) {
        Criteria target = new Criteria().andOperator(Criteria.where("_id").in(customerIds),
                CustomerService.scope().criteria(), Criteria.where("labels.labelId").ne(labelId));
        var applied = new Customer.AppliedLabel(labelId, key, clock.instant(), source);
        long changed = mongo.updateMulti(Query.query(target),
                new Update().push("labels", applied).set("updatedAt", clock.instant()), Customer.class).getModifiedCount();
        events.publishEvent(CustomersChanged.of(customerIds));
        return (int) changed;
    }

    /** Takes the label off those of {@code customerIds} in scope; returns how many lost it. */
    public int remove(String labelId, Collection<String> customerIds) {
        Criteria target = new Criteria().andOperator(Criteria.where("_id").in(customerIds),
                CustomerService.scope().criteria(), Criteria.where("labels.labelId").is(labelId));
        long changed = mongo.updateMulti(Query.query(target),
                new Update().pull("labels", new Document("labelId", labelId)).set("updatedAt", clock.instant()),
                Customer.class).getModifiedCount();
        events.publishEvent(CustomersChanged.of(customerIds));
        return (int) changed;
    }
}
