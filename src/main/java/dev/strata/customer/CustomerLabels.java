package dev.strata.customer;

import java.time.Clock;
import java.util.Collection;

import org.bson.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** The customer side of labelling: puts labels on and takes them off, through the one write path. */
@Service
public class CustomerLabels {

    private final CustomerWrites writes;
    private final Clock clock;

    CustomerLabels(CustomerWrites writes, Clock clock) {
        this.writes = writes;
        this.clock = clock;
    }

    /** Puts the label on those of {@code customerIds} that lack it (the caller has scoped them); returns how many gained it. */
    public int apply(String labelId, String key, Collection<String> customerIds, String source) {
        var applied = new Customer.AppliedLabel(labelId, key, clock.instant(), source);
        return (int) writes.updateAll(customerIds, Criteria.where("labels.labelId").ne(labelId),
                new Update().push("labels", applied));
    }

    /** Takes the label off those of {@code customerIds} that carry it (the caller has scoped them); returns how many lost it. */
    public int remove(String labelId, Collection<String> customerIds) {
        return (int) writes.updateAll(customerIds, Criteria.where("labels.labelId").is(labelId),
                new Update().pull("labels", new Document("labelId", labelId)));
    }
}
