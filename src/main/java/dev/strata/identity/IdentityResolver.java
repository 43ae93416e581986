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
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

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
 * Owners once seen are remembered in memory: a claim is never deleted and moves only to the customer its owner was
 * merged into, which the live lookup follows anyway, so a remembered owner is never wrong, only possibly one hop behind.
 */
@Service
public class IdentityResolver {

    private final CustomerWrites writes;
    private final IdentityRegistry registry;
    private final LiveCustomers live;
    private final SequenceAllocator sequences;
    private final Clock clock;
    private static final int MAX_KNOWN_OWNERS = 500_000;

    private final Map<String, String> knownOwners = new ConcurrentHashMap<>();

    /** Identities resolved to live customers, and the IDs of those created for them by this call. */
    public record Resolution(Map<String, Customer> byKey, Set<String> created) {
    }

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
        return resolve(identities, identity -> NewProspect.WALK_IN).byKey();
    }

    /** As {@link #resolve(Collection)}, a prospect created for an unowned identity starting out as {@code shape} says. */
    public Resolution resolve(Collection<Customer.ChannelIdentity> identities,
            Function<Customer.ChannelIdentity, NewProspect> shape) {
        return resolve(identities, shape, null);
    }

    /**
     * As {@link #resolve(Collection, Function)}, each customer read with only {@code fields} (top-level names; its ID,
     * seq and merge pointer always), the rest left empty, or whole when {@code fields} is null: a caller that needs a few
     * fields of many large portraits skips reading and mapping the rest.
     */
    public Resolution resolve(Collection<Customer.ChannelIdentity> identities,
            Function<Customer.ChannelIdentity, NewProspect> shape, Collection<String> fields) {
        Map<String, Customer.ChannelIdentity> byKey = new LinkedHashMap<>();
        identities.forEach(identity -> byKey.putIfAbsent(IdentityClaims.key(identity), identity));
        Map<String, String> owners = owners(byKey);
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
            remember(owners);
        }
        Map<String, Customer> customers = read(owners.values().stream().filter(id -> !toCreate.containsKey(id)).toList(), fields);
        owners.forEach((key, id) -> {
            if (!toCreate.containsKey(id) && !customers.containsKey(id)) {
                toCreate.put(id, byKey.get(key));
            }
        });
        customers.putAll(createProspects(toCreate, shape, fields));
        Map<String, Customer> result = new HashMap<>();
        owners.forEach((key, id) -> {
            if (customers.containsKey(id)) {
                result.put(key, customers.get(id));
            }
        });
        return new Resolution(result, toCreate.keySet());
    }

    /** Each identity's owner, from memory where known, else from the registry in one lookup. */
    private Map<String, String> owners(Map<String, Customer.ChannelIdentity> byKey) {
        Map<String, String> owners = new HashMap<>();
        List<Customer.ChannelIdentity> unknown = new ArrayList<>();
        byKey.forEach((key, identity) -> {
            String owner = knownOwners.get(key);
            if (owner != null) {
                owners.put(key, owner);
            } else {
                unknown.add(identity);
            }
        });
        if (!unknown.isEmpty()) {
            Map<String, String> stored = registry.owners(unknown);
            owners.putAll(stored);
            remember(stored);
        }
        return owners;
    }

    private void remember(Map<String, String> owners) {
        if (knownOwners.size() > MAX_KNOWN_OWNERS) {
            knownOwners.clear();
        }
        knownOwners.putAll(owners);
    }

    /** Writes one prospect per identity, by the customer ID already claimed for it. */
    private Map<String, Customer> createProspects(Map<String, Customer.ChannelIdentity> toCreate,
            Function<Customer.ChannelIdentity, NewProspect> shape, Collection<String> fields) {
        if (toCreate.isEmpty()) {
            return Map.of();
        }
        Instant now = clock.instant();
        long seq = sequences.allocate(CustomerIngestService.SEQUENCE, toCreate.size());
        List<Customer> prospects = new ArrayList<>();
        for (Map.Entry<String, Customer.ChannelIdentity> entry : toCreate.entrySet()) {
            prospects.add(Prospects.of(entry.getKey(), seq++, entry.getValue(), now, shape.apply(entry.getValue())));
        }
        // A prospect the store already has came from another request healing the same crash remnant: as good as ours.
        writes.insert(prospects);
        return read(toCreate.keySet(), fields);
    }

    private Map<String, Customer> read(Collection<String> ids, Collection<String> fields) {
        if (ids.isEmpty()) {
            return new HashMap<>();
        }
        return fields == null ? live.resolveUnscoped(ids) : live.resolveUnscoped(ids, fields);
    }
}
