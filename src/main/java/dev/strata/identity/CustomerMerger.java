package dev.strata.identity;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.strata.audit.AuditService;
import dev.strata.balance.BalanceTransfer;
import dev.strata.customer.Customer;
import dev.strata.customer.CustomerService;
import dev.strata.customer.CustomersChanged;
import dev.strata.graphql.BadRequestException;
import dev.strata.graphql.GlobalId;
import dev.strata.graphql.UserError;
import dev.strata.security.Role;
import dev.strata.security.Viewers;
import org.bson.Document;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Merges two records of one person. With no transactions, the writes are ordered so a crash at any
 * point loses nothing and a retry of the same merge finishes it: the survivor absorbs first, then the
 * merged record forwards to it, then identities, events, touchpoints and referrals follow.
 */
@Service
class CustomerMerger {

    static final String AUDIT_ACTION = "MERGE_CUSTOMERS";
    /** Where a released core-banking reference waits while it moves (the unique index forbids two holders). */
    static final String MOVING_REF = "movingExternalRef";
    private static final int ATTEMPTS = 5;

    private final MongoTemplate mongo;
    private final MergeFollowUp followUp;
    private final BalanceTransfer balances;
    private final AuditService audit;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;

    CustomerMerger(MongoTemplate mongo, MergeFollowUp followUp, AuditService audit, Clock clock,
            ApplicationEventPublisher publisher, BalanceTransfer balances) {
        this.balances = balances;
        this.mongo = mongo;
        this.followUp = followUp;
        this.audit = audit;
        this.clock = clock;
        this.publisher = publisher;
    }

    @PreAuthorize("hasAnyRole('ADMIN','MARKETER','SERVICE')")
    public IdentityInputs.MergeCustomersPayload merge(IdentityInputs.MergeCustomersInput input) {
        String survivorId = localId(input.survivorId());
        String mergedId = localId(input.mergedId());
        if (survivorId == null || mergedId == null) {
            return IdentityInputs.MergeCustomersPayload.error(UserError.of("INVALID_ID", "not a customer ID",
                    survivorId == null ? "survivorId" : "mergedId"));
        }
        if (survivorId.equals(mergedId)) {
            return IdentityInputs.MergeCustomersPayload.error(
                    UserError.of("SAME_CUSTOMER", "a customer cannot be merged into itself", "mergedId"));
        }
        Customer survivor = visible(survivorId);
        Customer merged = visible(mergedId);
        UserError refusal = refusal(survivor, merged);
        if (refusal != null) {
            return IdentityInputs.MergeCustomersPayload.error(refusal);
        }
        if (!merged.isMerged()) {
            String mergedRef = merged.externalRef() != null ? merged.externalRef() : releasedRef(merged.id());
            if (survivor.externalRef() != null && mergedRef != null) {
                return IdentityInputs.MergeCustomersPayload.error(UserError.of("CORE_BANKING_MERGE",
                        "both customers carry a core-banking reference; such merges happen in core banking", "mergedId"));
            }
            String movingRef = survivor.externalRef() == null ? mergedRef : null;
            if (movingRef != null && merged.externalRef() != null) {
                release(merged, movingRef);
            }
            if (!absorb(survivor, merged, movingRef)) {
                if (movingRef != null) {
                    restore(merged.id(), movingRef);
                }
                return IdentityInputs.MergeCustomersPayload.error(UserError.of("CONFLICT",
                        "the survivor changed during the merge; retry it", "survivorId"));
            }
            if (movingRef != null) {
                // The banking profile moved to the survivor: its daily balance history follows it.
                balances.move(merged.id(), survivorId, merged.balanceMonths());
            }
            audit.record(AUDIT_ACTION, survivorId, mergedId);
            retire(merged, survivorId);
        }
        Set<String> changed = new LinkedHashSet<>(List.of(survivorId, mergedId));
        changed.addAll(followUp.moveReferences(mergedId, survivorId));
        publisher.publishEvent(CustomersChanged.of(changed));
        return new IdentityInputs.MergeCustomersPayload(mongo.findById(survivorId, Customer.class), List.of());
    }

    /** Why the merge may not run, or null. A merge already done into this survivor is a retry and may. */
    private static UserError refusal(Customer survivor, Customer merged) {
        if (survivor == null) {
            return UserError.of("NOT_FOUND", "no such customer", "survivorId");
        }
        if (merged == null) {
            return UserError.of("NOT_FOUND", "no such customer", "mergedId");
        }
        if (survivor.isMerged()) {
            return UserError.of("ALREADY_MERGED", "the survivor was itself merged into another customer", "survivorId");
        }
        if (merged.isMerged() && !merged.mergedInto().equals(survivor.id())) {
            return UserError.of("ALREADY_MERGED", "this customer was already merged into another customer", "mergedId");
        }
        return null;
    }

    /** Frees the merged customer's core-banking reference for the survivor, keeping it on record until it lands. */
    private void release(Customer merged, String ref) {
        Query holder = Query.query(Criteria.where("_id").is(merged.id()).and("externalRef").is(ref));
        mongo.updateFirst(holder, new Update().unset("externalRef").set(MOVING_REF, ref), Customer.class);
    }

    /** Gives a released reference back when the merge cannot go on, so the feed keeps finding its customer. */
    private void restore(String customerId, String ref) {
        Query released = Query.query(Criteria.where("_id").is(customerId).and(MOVING_REF).is(ref));
        mongo.updateFirst(released, new Update().set("externalRef", ref).unset(MOVING_REF), Customer.class);
    }

    private String releasedRef(String customerId) {
        Query query = Query.query(Criteria.where("_id").is(customerId));
        query.fields().include(MOVING_REF);
        Document raw = mongo.findOne(query, Document.class, mongo.getCollectionName(Customer.class));
        return raw == null ? null : raw.getString(MOVING_REF);
    }

    /** The survivor takes the union of both portraits, guarded by its updatedAt so no concurrent write is lost. */
    private boolean absorb(Customer survivor, Customer merged, String movingRef) {
        Customer current = survivor;
        for (int attempt = 0; attempt < ATTEMPTS && current != null; attempt++) {
            Update update = MergedPortrait.survivorUpdate(current, merged, movingRef, clock.instant());
            Query unchanged = Query.query(Criteria.where("_id").is(current.id()).and("updatedAt").is(current.updatedAt()));
            if (mongo.updateFirst(unchanged, update, Customer.class).getMatchedCount() == 1) {
                return true;
            }
            current = mongo.findById(survivor.id(), Customer.class);
        }
        return false;
    }

    /** From here on the merged ID forwards to the survivor; what moved is cleared so nothing is counted twice. */
    private void retire(Customer merged, String survivorId) {
        Update update = new Update().set("mergedInto", survivorId).set("updatedAt", clock.instant())
                .set("identities", List.of()).set("labels", List.of()).set("consents", List.of())
                .set("recentEvents", List.of()).set("recentTouchpoints", List.of()).set("referralCount", 0)
                .unset(MOVING_REF);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(merged.id())), update, Customer.class);
    }

    private static String localId(String globalId) {
        try {
            return GlobalId.localId(globalId, "Customer");
        } catch (BadRequestException e) {
            return null;
        }
    }

    /** Staff within their scope; the service account any customer. Raw reads: merged records are not followed. */
    private Customer visible(String id) {
        Customer customer = mongo.findById(id, Customer.class);
        if (customer == null || Viewers.require().has(Role.SERVICE) || CustomerService.scope().allows(customer)) {
            return customer;
        }
        return null;
    }
}
