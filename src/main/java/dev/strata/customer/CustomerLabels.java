package dev.strata.customer;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** The customer side of labelling: which customers carry a label, within the caller's scope. */
@Service
public class CustomerLabels {

    private final MongoTemplate mongo;
    private final Clock clock;

    CustomerLabels(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Puts the label on those of {@code customerIds} in scope that lack it; returns how many gained it. */
    public int apply(String labelId, String key, Collection<String> customerIds, String source) {
        Criteria target = new Criteria().andOperator(Criteria.where("_id").in(customerIds),
                CustomerService.scope().criteria(), Criteria.where("labels.labelId").ne(labelId));
        var applied = new Customer.AppliedLabel(labelId, key, clock.instant(), source);
        return (int) mongo.updateMulti(Query.query(target),
                new Update().push("labels", applied).set("updatedAt", clock.instant()), Customer.class).getModifiedCount();
    }

    /** Takes the label off those of {@code customerIds} in scope; returns how many lost it. */
    public int remove(String labelId, Collection<String> customerIds) {
        Criteria target = new Criteria().andOperator(Criteria.where("_id").in(customerIds),
                CustomerService.scope().criteria(), Criteria.where("labels.labelId").is(labelId));
        return (int) mongo.updateMulti(Query.query(target),
                new Update().pull("labels", new Document("labelId", labelId)).set("updatedAt", clock.instant()),
                Customer.class).getModifiedCount();
    }

    /** Customers in the caller's scope carrying each label, in one aggregation. */
    public Map<String, Integer> countByLabel(List<String> labelIds) {
        Aggregation aggregation = Aggregation.newAggregation(
                Aggregation.match(new Criteria().andOperator(CustomerService.scope().criteria(),
                        Criteria.where("labels.labelId").in(labelIds))),
                Aggregation.unwind("labels"),
                Aggregation.match(Criteria.where("labels.labelId").in(labelIds)),
                Aggregation.group("labels.labelId").count().as("count"));
        Map<String, Integer> counts = new HashMap<>();
        for (Document row : mongo.aggregate(aggregation, Customer.class, Document.class).getMappedResults()) {
            counts.put(row.getString("_id"), ((Number) row.get("count")).intValue());
        }
        return counts;
    }
}
