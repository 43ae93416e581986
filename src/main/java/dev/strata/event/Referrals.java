package dev.strata.event;

import dev.strata.shared.EventTypes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.strata.customer.IdentityClaims;
import dev.strata.customer.Customer;
import dev.strata.customer.CustomerReferrals;
import dev.strata.graphql.BadRequestException;
import dev.strata.graphql.GlobalId;
import dev.strata.identity.IdentityRegistry;
import dev.strata.customer.LiveCustomers;
import org.springframework.stereotype.Component;

/**
 * Social-fission tracking: a SHARE whose {@code referrer} names who shared records who brought whom.
 * A customer is referred once, by their first attributable SHARE; the referrer's count rises only then.
 */
@Component
class Referrals {

    private final CustomerReferrals referrals;
    private final IdentityRegistry registry;
    private final LiveCustomers live;

    Referrals(CustomerReferrals referrals, IdentityRegistry registry, LiveCustomers live) {
        this.referrals = referrals;
        this.registry = registry;
        this.live = live;
    }

    /** Records the referrals among {@code events}; returns the customers changed. */
    Set<String> record(List<Event> events) {
        List<Event> shares = events.stream()
                .filter(e -> EventTypes.SHARE.equals(e.type()) && e.property(EventTypes.REFERRER) != null)
                .sorted(Comparator.comparing(Event::occurredAt)).toList();
        Set<String> changed = new LinkedHashSet<>();
        if (shares.isEmpty()) {
            return changed;
        }
        Map<Event, Customer> referrers = referrers(shares);
        // A customer is referred by their first attributable share only.
        Map<String, String> referrerOf = new LinkedHashMap<>();
        for (Event share : shares) {
            Customer referrer = referrers.get(share);
            if (referrer != null && !referrer.id().equals(share.customerId())) {
                referrerOf.putIfAbsent(share.customerId(), referrer.id());
            }
        }
        changed.addAll(referrals.referAll(referrerOf));
        return changed;
    }

    /** Each share's live referrer: by Customer global ID, else by the sharer's externalId on the share's channel. */
    private Map<Event, Customer> referrers(List<Event> shares) {
        Map<Event, String> referrerIds = new HashMap<>();
        Map<Event, Customer.ChannelIdentity> referrerIdentities = new HashMap<>();
        for (Event share : shares) {
            String referrer = share.property(EventTypes.REFERRER).trim();
            String customerId = customerId(referrer);
            if (customerId != null) {
                referrerIds.put(share, customerId);
            } else if (share.channel() != null && !referrer.isEmpty()) {
                referrerIdentities.put(share, new Customer.ChannelIdentity(share.channel(), referrer));
            }
        }
        Map<String, String> owners = registry.owners(referrerIdentities.values());
        referrerIdentities.forEach((share, identity) -> {
            String owner = owners.get(IdentityClaims.key(identity));
            if (owner != null) {
                referrerIds.put(share, owner);
            }
        });
        Map<String, Customer> customers = live.resolveUnscoped(new ArrayList<>(new HashSet<>(referrerIds.values())));
        Map<Event, Customer> result = new HashMap<>();
        referrerIds.forEach((share, id) -> {
            if (customers.containsKey(id)) {
                result.put(share, customers.get(id));
            }
        });
        return result;
    }

    private static String customerId(String referrer) {
        try {
            GlobalId id = GlobalId.decode(referrer);
            return "Customer".equals(id.type()) ? id.localId() : null;
        } catch (BadRequestException e) {
            return null;
        }
    }
}
