package dev.strata.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.strata.customer.IdentityClaims;
import dev.strata.customer.Customer;
import dev.strata.customer.CustomerIngestService;
import dev.strata.customer.CustomerWrites;
import dev.strata.customer.LiveCustomers;
import dev.strata.store.SequenceAllocator;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Service;

/**
 * Turns channel identities into customers. An identity nobody owns yet becomes a PROSPECT walk-in
 * customer, so an anonymous visitor is remembered from the first event and can be linked later.
 */
@Service
public class IdentityResolver {

    private final CustomerWrites writes;
    private final IdentityRegistry registry;
    private final LiveCustomers live;
    private final SequenceAllocator sequences;
    private final Clock clock;

    IdentityResolver(CustomerWrites writes, IdentityRegistry registry, LiveCustomers live, SequenceAllocator sequences,
            Clock clock) {
        this.writes = writes;
        this.registry = registry;
        this.live = live;
        this.sequences = sequences;
        this.clock = clock;
    }

    /**
     * Each identity's registry key mapped to its live owner, creating prospects for unowned identities.
     * The identity is claimed before its prospect is written, so a lost race leaves no orphan customer;
     * a claim whose customer was never written (a crash in between) gets its customer now.
     */
    public Map<String, Customer> resolve(Collection<Customer.ChannelIdentity> identities) {
        Map<String, Customer.ChannelIdentity> byKey = new LinkedHashMap<>();
        identities.forEach(identity -> byKey.putIfAbsent(IdentityClaims.key(identity), identity));
        Map<String, String> owners = new HashMap<>(registry.owners(byKey.values()));
        Map<Customer.ChannelIdentity, String> planned = new LinkedHashMap<>();
        byKey.forEach((key, identity) -> {
            if (!owners.containsKey(key)) {
                planned.put(identity, new ObjectId().toHexString());
            }
        });
        Map<String, Customer.ChannelIdentity> toCreate = new LinkedHashMap<>();
        if (!planned.isEmpty()) {
            Set<String> taken = registry.claimAll(planned);
            List<Customer.ChannelIdentity> lost = new ArrayList<>();
            planned.forEach((identity, id) -> {
                if (taken.contains(IdentityClaims.key(identity))) {
                    lost.add(identity);
                } else {
                    owners.put(IdentityClaims.key(identity), id);
                    toCreate.put(id, identity);
                }
            });
            owners.putAll(registry.owners(lost));
        }
        Map<String, Customer> customers = live.resolveUnscoped(owners.values().stream().filter(id -> !toCreate.containsKey(id)).toList());
        owners.forEach((key, id) -> {
            if (!toCreate.containsKey(id) && !customers.containsKey(id)) {
                toCreate.put(id, byKey.get(key));
            }
        });
        customers.putAll(createProspects(toCreate));
        Map<String, Customer> result = new HashMap<>();
        owners.forEach((key, id) -> {
            if (customers.containsKey(id)) {
                result.put(key, customers.get(id));
            }
        });
        return result;
    }

    /** Writes one prospect per identity, by the customer ID already claimed for it. */
    private Map<String, Customer> createProspects(Map<String, Customer.ChannelIdentity> toCreate) {
        if (toCreate.isEmpty()) {
            return Map.of();
        }
        Instant now = clock.instant();
        long seq = sequences.allocate(CustomerIngestService.SEQUENCE, toCreate.size());
        List<Customer> prospects = new ArrayList<>();
        for (Map.Entry<String, Customer.ChannelIdentity> entry : toCreate.entrySet()) {
            prospects.add(Prospects.of(entry.getKey(), seq++, entry.getValue(), now));
        }
        // A prospect the store already has came from another request healing the same crash remnant: as good as ours.
        writes.insert(prospects);
        return live.resolveUnscoped(toCreate.keySet());
    }
}
