package dev.strata.identity;

import java.util.List;

import dev.strata.audit.AuditEvent;
import dev.strata.balance.BalanceTransfer;
import dev.strata.customer.Customer;
import dev.strata.customer.CustomerMerges;
import dev.strata.customer.CustomerService;
import dev.strata.graphql.GlobalId;
import dev.strata.graphql.UserError;
import dev.strata.security.Viewers;
import dev.strata.shared.Scope;
import org.springframework.context.ApplicationEventPublisher;
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

    private final CustomerMerges merges;
    private final CustomerService customers;
    private final IdentityRegistry registry;
    private final BalanceTransfer balances;
    private final ApplicationEventPublisher publisher;

    CustomerMerger(CustomerMerges merges, CustomerService customers, IdentityRegistry registry, BalanceTransfer balances,
            ApplicationEventPublisher publisher) {
        this.merges = merges;
        this.customers = customers;
        this.registry = registry;
        this.balances = balances;
        this.publisher = publisher;
    }

    @PreAuthorize("hasAnyRole('ADMIN','MARKETER','SERVICE')")
    public IdentityInputs.MergeCustomersPayload merge(IdentityInputs.MergeCustomersInput input, Scope scope) {
        String survivorId = GlobalId.localIdOrNull(input.survivorId(), "Customer");
        String mergedId = GlobalId.localIdOrNull(input.mergedId(), "Customer");
        if (survivorId == null || mergedId == null) {
            return IdentityInputs.MergeCustomersPayload.error(UserError.invalidId(survivorId == null ? "survivorId" : "mergedId"));
        }
        if (survivorId.equals(mergedId)) {
            return IdentityInputs.MergeCustomersPayload.error(
                    UserError.of("SAME_CUSTOMER", "a customer cannot be merged into itself", "mergedId"));
        }
        Customer survivor = visible(survivorId, scope);
        Customer merged = visible(mergedId, scope);
        UserError refusal = refusal(survivor, merged);
        if (refusal != null) {
            return IdentityInputs.MergeCustomersPayload.error(refusal);
        }
        if (!merged.isMerged()) {
            String mergedRef = merged.externalRef() != null ? merged.externalRef() : merges.releasedRef(merged.id());
            if (survivor.externalRef() != null && mergedRef != null) {
                return IdentityInputs.MergeCustomersPayload.error(UserError.of("CORE_BANKING_MERGE",
                        "both customers carry a core-banking reference; such merges happen in core banking", "mergedId"));
            }
            String movingRef = survivor.externalRef() == null ? mergedRef : null;
            if (movingRef != null && merged.externalRef() != null) {
                merges.release(merged, movingRef);
            }
            if (!merges.absorb(survivor, merged, movingRef)) {
                if (movingRef != null) {
                    merges.restore(merged.id(), movingRef);
                }
                return IdentityInputs.MergeCustomersPayload.error(UserError.of("CONFLICT",
                        "the survivor changed during the merge; retry it", "survivorId"));
            }
            if (movingRef != null) {
                // The banking profile moved to the survivor: its daily balance history follows it.
                balances.move(merged.id(), survivorId, merged.balanceMonths());
            }
            publisher.publishEvent(new AuditEvent(Viewers.name(), AUDIT_ACTION, survivorId, mergedId));
            merges.retire(merged, survivorId);
        }
        merges.followUp(mergedId, survivorId, registry.transferAll(mergedId, survivorId));
        return new IdentityInputs.MergeCustomersPayload(customers.findStoredUnscoped(survivorId), List.of());
    }

    /** Why the merge may not run, or null. A merge already done into this survivor is a retry and may. */
    private static UserError refusal(Customer survivor, Customer merged) {
        if (survivor == null) {
            return UserError.notFound("customer", "survivorId");
        }
        if (merged == null) {
            return UserError.notFound("customer", "mergedId");
        }
        if (survivor.isMerged()) {
            return UserError.of("ALREADY_MERGED", "the survivor was itself merged into another customer", "survivorId");
        }
        if (merged.isMerged() && !merged.mergedInto().equals(survivor.id())) {
            return UserError.of("ALREADY_MERGED", "this customer was already merged into another customer", "mergedId");
        }
        return null;
    }

    /** The stored record (merged records are not followed) when the scope may change it, else null. */
    private Customer visible(String id, Scope scope) {
        Customer customer = customers.findStoredUnscoped(id);
        return customer != null && CustomerService.allows(scope, customer) ? customer : null;
    }
}
