package dev.strata.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.strata.customer.IdentityClaims;
import dev.strata.customer.Customer;
import dev.strata.graphql.BadRequestException;
import dev.strata.graphql.GlobalId;
import dev.strata.identity.IdentityRegistry;
import dev.strata.identity.LiveCustomers;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Social-fission tracking: a SHARE whose {@code referrer} names who shared records who brought whom.
 * A customer is referred once, by their first attributable SHARE; the referrer's count rises only then.
 */
@Component
class Referrals {

    private final MongoTemplate mongo;
    private final IdentityRegistry registry;
    private final LiveCustomers live;

    Referrals(MongoTemplate mongo, IdentityRegistry registry, LiveCustomers live) {
        this.mongo = mongo;
        this.registry = registry;
        this.live = live;
    }

    /** Records the referrals among {@code events}; returns the customers changed. */
    Set<String> record(List<Event> events, Instant now) {
        List<Event> shares = events.stream()
                .filter(e -> EventTypes.SHARE.equals(e.type()) && e.property(EventTypes.REFERRER) != null)
                .sorted(Comparator.comparing(Event::occurredAt)).toList();
        Set<String> changed = new LinkedHashSet<>();
        if (shares.isEmpty()) {
            return changed;
        }
        Map<Event, Customer> referrers = referrers(shares);
        Set<String> settled = new HashSet<>();
        for (Event share : shares) {
            Customer referrer = referrers.get(share);
            if (referrer == null || referrer.id().equals(share.customerId()) || settled.contains(share.customerId())) {
                continue;
            }
            settled.add(share.customerId());
            Query unreferred = Query.query(Criteria.where("_id").is(share.customerId()).and("referredBy").is(null));
            Update refer = new Update().set("referredBy", referrer.id()).set("updatedAt", now);
            if (mongo.updateFirst(unreferred, refer, Customer.class).getModifiedCount() == 1) {
                mongo.updateFirst(Query.query(Criteria.where("_id").is(referrer.id())),
                        new Update().inc("referralCount", 1).set("updatedAt", now), Customer.class);
                changed.add(share.customerId());
                changed.add(referrer.id());
            }
        }
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
        Map<String, Customer> customers = live.resolve(new ArrayList<>(new HashSet<>(referrerIds.values())));
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
