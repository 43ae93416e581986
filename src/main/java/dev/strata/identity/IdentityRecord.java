package dev.strata.identity;

import java.time.Instant;

import dev.strata.shared.Channel;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Ownership of one channel identity. The {@code _id} is {@code CHANNEL:externalId}, so the store's
 * primary key is the ONE_ID constraint: a pair belongs to at most one customer.
 */
@Document(IdentityRegistry.COLLECTION)
record IdentityRecord(@Id String id, @Indexed String customerId, Channel channel, String externalId, Instant claimedAt) {
}
