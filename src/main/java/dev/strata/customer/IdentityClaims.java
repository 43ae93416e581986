package dev.strata.customer;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * The ONE_ID rule as the customer feed needs it: who owns a channel identity, and claiming identities
 * for customers. Implemented by the identity feature, so the feed need not depend on it.
 */
public interface IdentityClaims {

    /** The registry key of an identity, {@code CHANNEL:externalId}. */
    static String key(Customer.ChannelIdentity identity) {
        return identity.channel().name() + ":" + identity.externalId();
    }

    /** Each owned identity's key mapped to its owner's customer ID, in one query; unowned ones are absent. */
    Map<String, String> owners(Collection<Customer.ChannelIdentity> identities);

    /** Claims each identity for its customer in one write; returns the keys someone already held. */
    Set<String> claimAll(Map<Customer.ChannelIdentity, String> owners);
}
