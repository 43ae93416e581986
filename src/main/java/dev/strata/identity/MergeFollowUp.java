package dev.strata.identity;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.strata.customer.Customer;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The second half of a merge: everything that points at the merged customer is re-pointed at the
 * survivor. Each step is idempotent, so a retried merge simply runs them again.
 */
@Component
class MergeFollowUp {

    /** Collections written by other features that hold a {@code customerId}. */
    static final List<String> OWNED_COLLECTIONS = List.of("events", "touchpoints");

    private final MongoTemplate mongo;
    private final IdentityRegistry registry;

    MergeFollowUp(MongoTemplate mongo, IdentityRegistry registry) {
        this.mongo = mongo;
        this.registry = registry;
    }

    /** Moves identities, events, touchpoints and referrals from {@code from} to {@code to}; returns the other customers changed. */
    Set<String> moveReferences(String from, String to) {
        List<Customer.ChannelIdentity> moved = registry.transferAll(from, to);
        if (!moved.isEmpty()) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(to)),
                    new Update().addToSet("identities").each(moved.toArray()), Customer.class);
        }
        Update reassign = Update.update("customerId", to);
        OWNED_COLLECTIONS.forEach(collection ->
                mongo.updateMulti(Query.query(Criteria.where("customerId").is(from)), reassign, collection));
        Set<String> changed = new LinkedHashSet<>(referred(from));
        if (!changed.isEmpty()) {
            mongo.updateMulti(Query.query(Criteria.where("referredBy").is(from).and("_id").ne(to)),
                    Update.update("referredBy", to), Customer.class);
            mongo.updateFirst(Query.query(Criteria.where("_id").is(to).and("referredBy").is(from)),
                    new Update().unset("referredBy"), Customer.class);
        }
        Set<String> recount = new LinkedHashSet<>(List.of(to));
        mongo.find(Query.query(Criteria.where("_id").in(from, to)), Customer.class).stream()
                .map(Customer::referredBy).filter(id -> id != null && !id.equals(from)).forEach(recount::add);
        recount.forEach(this::recountReferrals);
        changed.addAll(recount);
        return changed;
    }

    private List<String> referred(String referrer) {
        Query query = Query.query(Criteria.where("referredBy").is(referrer));
        query.fields().include("_id");
        return mongo.find(query, Document.class, mongo.getCollectionName(Customer.class)).stream()
                .map(doc -> doc.get("_id").toString()).toList();
    }

    /** A referral count is the number of live customers naming the referrer, so it survives any merge exactly. */
    private void recountReferrals(String referrer) {
        Query live = Query.query(Criteria.where("referredBy").is(referrer).and("mergedInto").is(null));
        long count = mongo.count(live, Customer.class);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(referrer)), Update.update("referralCount", (int) count),
                Customer.class);
    }
}
