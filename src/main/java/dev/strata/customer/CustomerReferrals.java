package dev.strata.customer;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Who brought whom (social fission), kept on the customers themselves and changed only through here. */
@Component
public class CustomerReferrals {

    private static final String REFERRED_BY = "referredBy";

    private final MongoTemplate mongo;
    private final CustomerWrites writes;

    CustomerReferrals(MongoTemplate mongo, CustomerWrites writes) {
        this.mongo = mongo;
        this.writes = writes;
    }

    /**
     * Records each {@code customer → referrer} pair unless someone already brought that customer (a customer is
     * referred once; the referrer's count rises only then), with one read and two bulk writes for them all; returns the
     * customers changed. Should another writer refer one of them between the read and the write, theirs stands and the
     * referrers named here are recounted instead of counted up.
     */
    public Set<String> referAll(Map<String, String> referrerOf) {
        Set<String> changed = new LinkedHashSet<>();
        if (referrerOf.isEmpty()) {
            return changed;
        }
        List<Object> keys = referrerOf.keySet().stream().map(CustomerDocuments::id).toList();
        Map<String, String> open = new LinkedHashMap<>();
        for (Document customer : mongo.getCollection(CustomerDocuments.COLLECTION).find(Filters.in("_id", keys))
                .projection(Projections.include(REFERRED_BY))) {
            String id = customer.get("_id").toString();
            if (customer.get(REFERRED_BY) == null && referrerOf.containsKey(id)) {
                open.put(id, referrerOf.get(id));
            }
        }
        if (open.isEmpty()) {
            return changed;
        }
        Map<String, Update> refer = new LinkedHashMap<>();
        Map<String, Criteria> unreferred = new HashMap<>();
        Map<String, Integer> brought = new LinkedHashMap<>();
        open.forEach((customer, referrer) -> {
            refer.put(customer, new Update().set(REFERRED_BY, referrer));
            unreferred.put(customer, Criteria.where(REFERRED_BY).is(null));
            brought.merge(referrer, 1, Integer::sum);
        });
        int applied = writes.updateEachIf(refer, unreferred);
        if (applied == open.size()) {
            Map<String, Update> counts = new LinkedHashMap<>();
            brought.forEach((referrer, n) -> counts.put(referrer, new Update().inc("referralCount", n)));
            writes.updateEach(counts);
        } else {
            brought.keySet().forEach(this::recount);
        }
        changed.addAll(open.keySet());
        changed.addAll(brought.keySet());
        return changed;
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
