package dev.strata.customer;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Who brought whom (social fission), kept on the customers themselves and changed only through here. */
@Component
public class CustomerReferrals {

    private final MongoTemplate mongo;
    private final CustomerWrites writes;

    CustomerReferrals(MongoTemplate mongo, CustomerWrites writes) {
        this.mongo = mongo;
        this.writes = writes;
    }

    /** Records that {@code referrerId} brought {@code customerId}, unless someone already did; returns whether it was recorded. */
    public boolean refer(String customerId, String referrerId) {
        if (!writes.updateIf(customerId, Criteria.where("referredBy").is(null), new Update().set("referredBy", referrerId))) {
            return false;
        }
        writes.update(referrerId, new Update().inc("referralCount", 1));
        return true;
    }

    /** After a merge, whoever the merged customer brought counts for the survivor; returns the customers changed. */
    public Set<String> moveReferrals(String from, String to) {
        List<String> referred = referredBy(from);
        Set<String> changed = new LinkedHashSet<>(referred);
        if (!referred.isEmpty()) {
            writes.updateAll(referred, Criteria.where("_id").ne(to), Update.update("referredBy", to));
            writes.updateIf(to, Criteria.where("referredBy").is(from), new Update().unset("referredBy"));
        }
        Set<String> recount = new LinkedHashSet<>(List.of(to));
        mongo.find(Query.query(Criteria.where("_id").in(from, to)), Customer.class).stream()
                .map(Customer::referredBy).filter(id -> id != null && !id.equals(from)).forEach(recount::add);
        recount.forEach(this::recount);
        changed.addAll(recount);
        return changed;
    }

    private List<String> referredBy(String referrer) {
        Query query = Query.query(Criteria.where("referredBy").is(referrer));
        query.fields().include("_id");
        return mongo.find(query, Document.class, CustomerDocuments.COLLECTION).stream().map(doc -> doc.get("_id").toString())
                .toList();
    }

    /** A referral count is the number of live customers naming the referrer, so it survives any merge exactly. */
    private void recount(String referrer) {
        long count = mongo.count(Query.query(Criteria.where("referredBy").is(referrer).and("mergedInto").is(null)), Customer.class);
        writes.update(referrer, Update.update("referralCount", (int) count));
    }
}
