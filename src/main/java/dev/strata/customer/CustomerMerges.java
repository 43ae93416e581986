package dev.strata.customer;

import java.time.Clock;
import java.util.List;

import org.bson.Document;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The customer-document steps of merging two records of one person, each safe to repeat; the identity
 * feature orders them so a crash at any point loses nothing and a retry finishes the merge.
 */
@Component
public class CustomerMerges {

    /** Where a released core-banking reference waits while it moves (the unique index forbids two holders). */
    public static final String MOVING_REF = "movingExternalRef";
    private static final int ATTEMPTS = 5;

    private final MongoTemplate mongo;
    private final CustomerWrites writes;
    private final CustomerReferrals referrals;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CustomerMerges(MongoTemplate mongo, CustomerWrites writes, CustomerReferrals referrals, ApplicationEventPublisher events,
            Clock clock) {
        this.mongo = mongo;
        this.writes = writes;
        this.referrals = referrals;
        this.events = events;
        this.clock = clock;
    }

    /** A core-banking reference released by an interrupted merge and not yet landed on the survivor, or null. */
    public String releasedRef(String customerId) {
        Query query = Query.query(Criteria.where("_id").is(customerId));
        query.fields().include(MOVING_REF);
        Document raw = mongo.findOne(query, Document.class, CustomerDocuments.COLLECTION);
        return raw == null ? null : raw.getString(MOVING_REF);
    }

    /** Frees the merged customer's core-banking reference for the survivor, keeping it on record until it lands. */
    public void release(Customer merged, String ref) {
        writes.updateIf(merged.id(), Criteria.where("externalRef").is(ref), new Update().unset("externalRef").set(MOVING_REF, ref));
    }

    /** Gives a released reference back when the merge cannot go on, so the feed keeps finding its customer. */
    public void restore(String customerId, String ref) {
        writes.updateIf(customerId, Criteria.where(MOVING_REF).is(ref), new Update().set("externalRef", ref).unset(MOVING_REF));
    }

    /** The survivor takes the union of both portraits, guarded by its updatedAt so no concurrent write is lost. */
    public boolean absorb(Customer survivor, Customer merged, String movingRef) {
        Customer current = survivor;
        for (int attempt = 0; attempt < ATTEMPTS && current != null; attempt++) {
            Update update = MergedPortrait.survivorUpdate(current, merged, movingRef, clock.instant());
            if (writes.updateIf(current.id(), Criteria.where("updatedAt").is(current.updatedAt()), update)) {
                return true;
            }
            current = mongo.findById(survivor.id(), Customer.class);
        }
        return false;
    }

    /** From here on the merged ID forwards to the survivor; what moved is cleared so nothing is counted twice. */
    public void retire(Customer merged, String survivorId) {
        writes.update(merged.id(), new Update().set("mergedInto", survivorId)
                .set("identities", List.of()).set("labels", List.of()).set("consents", List.of())
                .set("recentEvents", List.of()).set("recentTouchpoints", List.of()).set("referralCount", 0)
                .unset(MOVING_REF));
    }

    /**
     * Re-points everything that names the merged customer at the survivor: the survivor gains the moved
     * identities, referrals follow, and every feature hears {@link CustomersMerged} for its own records.
     */
    public void followUp(String mergedId, String survivorId, List<Customer.ChannelIdentity> movedIdentities) {
        if (!movedIdentities.isEmpty()) {
            writes.update(survivorId, new Update().addToSet("identities").each(movedIdentities.toArray()));
        }
        referrals.moveReferrals(mergedId, survivorId);
        events.publishEvent(new CustomersMerged(mergedId, survivorId));
    }
}
