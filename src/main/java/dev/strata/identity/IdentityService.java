package dev.strata.identity;

import java.util.List;

import dev.strata.customer.Customer;
import dev.strata.customer.CustomerRefs;
import dev.strata.customer.CustomerService;
import dev.strata.customer.CustomerWrites;
import dev.strata.customer.IdentityClaims;
import dev.strata.customer.LiveCustomers;
import dev.strata.graphql.GlobalId;
import dev.strata.graphql.UserError;
import dev.strata.shared.Channel;
import dev.strata.shared.Scope;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Finding customers by channel identity and linking further identities to a customer. */
@Service
class IdentityService {

    static final int MAX_EXTERNAL_ID = 128;

    private final IdentityRegistry registry;
    private final LiveCustomers live;
    private final IdentityResolver resolver;
    private final CustomerService customers;
    private final CustomerRefs refs;
    private final CustomerWrites writes;

    IdentityService(IdentityRegistry registry, LiveCustomers live, IdentityResolver resolver, CustomerService customers,
            CustomerRefs refs, CustomerWrites writes) {
        this.registry = registry;
        this.live = live;
        this.resolver = resolver;
        this.customers = customers;
        this.refs = refs;
        this.writes = writes;
    }

    /** The identity's owner; staff see only customers in their scope, the service account sees any. */
    @PreAuthorize("hasAnyRole('ADMIN','MARKETER','ANALYST','BRANCH_MANAGER','RELATIONSHIP_MANAGER','SERVICE')")
    public Customer customerByIdentity(Channel channel, String externalId, Scope scope) {
        if (externalId == null || externalId.isBlank()) {
            return null;
        }
        Customer.ChannelIdentity identity = new Customer.ChannelIdentity(channel, externalId.trim());
        String owner = registry.owners(List.of(identity)).get(IdentityClaims.key(identity));
        return owner == null ? null : customers.findAddressed(owner, scope);
    }

    @PreAuthorize("hasAnyRole('ADMIN','SERVICE','MARKETER','RELATIONSHIP_MANAGER')")
    public IdentityInputs.LinkIdentityPayload link(IdentityInputs.LinkIdentityInput input, Scope scope) {
        String externalId = input.externalId() == null ? "" : input.externalId().trim();
        if (externalId.isEmpty() || externalId.length() > MAX_EXTERNAL_ID) {
            return IdentityInputs.LinkIdentityPayload.error(UserError.invalid(
                    "externalId must be 1-" + MAX_EXTERNAL_ID + " characters", "externalId"));
        }
        CustomerRefs.Resolved target = refs.forChange(input.customerId(), scope, "customerId");
        if (target.userError() != null) {
            return IdentityInputs.LinkIdentityPayload.error(target.userError());
        }
        Customer customer = target.customer();
        Customer.ChannelIdentity identity = new Customer.ChannelIdentity(input.channel(), externalId);
        if (!registry.claim(customer.id(), List.of(identity)).isEmpty()) {
            Customer owner = resolver.resolve(List.of(identity)).get(IdentityClaims.key(identity));
            if (owner == null || !owner.id().equals(customer.id())) {
                // The owner is named only to a caller who may change it: a mutation never reveals a customer out of scope.
                boolean named = owner != null && CustomerService.allows(scope, owner);
                return IdentityInputs.LinkIdentityPayload.error(UserError.of("IDENTITY_TAKEN", "this identity belongs to "
                        + (named ? "customer " + GlobalId.encode("Customer", owner.id()) : "another customer")
                        + "; if both are the same person, merge them with mergeCustomers", "externalId"));
            }
            takeOverFromMergedRecord(identity, customer.id());
        }
        if (customer.identities().contains(identity)) {
            return new IdentityInputs.LinkIdentityPayload(customer, List.of());
        }
        attach(customer.id(), List.of(identity));
        return new IdentityInputs.LinkIdentityPayload(live.resolveUnscoped(customer.id()), List.of());
    }

    /** An identity still recorded under a record merged into this customer now names the customer itself. */
    private void takeOverFromMergedRecord(Customer.ChannelIdentity identity, String customerId) {
        String key = IdentityClaims.key(identity);
        String recorded = registry.owners(List.of(identity)).get(key);
        if (recorded != null && !recorded.equals(customerId)) {
            registry.transfer(key, recorded, customerId);
        }
    }

    /** Keeps the portrait's embedded identities in step with the registry. */
    private void attach(String customerId, List<Customer.ChannelIdentity> identities) {
        writes.update(customerId, new Update().addToSet("identities").each(identities.toArray()));
    }
}
