package dev.strata.customer;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntPredicate;

import dev.strata.graphql.UserError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A feed batch's channel identities under the ONE_ID rule: a row may not take an identity another
 * customer (or an earlier row) holds, and stored rows claim theirs, all in one query and one write.
 */
final class BatchIdentities {

    private static final Logger log = LoggerFactory.getLogger(BatchIdentities.class);

    private final IdentityClaims claims;
    private final Map<String, String> owners;
    /** Each row's identities, as stored, worked out once. */
    private final List<List<Customer.ChannelIdentity>> byRow;
    private final Map<String, Integer> rowByKey = new HashMap<>();
    private final Map<Customer.ChannelIdentity, String> wanted = new LinkedHashMap<>();
    private final Map<Customer.ChannelIdentity, Integer> wantedBy = new HashMap<>();

    BatchIdentities(IdentityClaims claims, List<CustomerInput> rows) {
        this.claims = claims;
        this.byRow = rows.stream().map(BatchIdentities::of).toList();
        this.owners = claims.owners(byRow.stream().flatMap(List::stream).toList());
    }

    /** The row's identities, as stored. */
    static List<Customer.ChannelIdentity> of(CustomerInput row) {
        return row.identities() == null ? List.of()
                : row.identities().stream().filter(i -> i.externalId() != null && !i.externalId().isBlank())
                        .map(i -> new Customer.ChannelIdentity(i.channel(), i.externalId().trim())).distinct().toList();
    }

    /** An error if the row names an identity held by another customer or an earlier row; otherwise null. */
    UserError check(int index, String customerId) {
        for (Customer.ChannelIdentity identity : byRow.get(index)) {
            String key = IdentityClaims.key(identity);
            String owner = owners.get(key);
            Integer earlier = rowByKey.get(key);
            if ((owner != null && !owner.equals(customerId)) || (earlier != null && earlier != index)) {
                return UserError.of("IDENTITY_TAKEN", key + " belongs to another customer; link or merge instead",
                        "customers", String.valueOf(index), "identities");
            }
        }
        byRow.get(index).forEach(identity -> rowByKey.put(IdentityClaims.key(identity), index));
        return null;
    }

    /** Marks a row's identities to be claimed for its customer once the row is stored. */
    void storing(int index, String customerId) {
        byRow.get(index).stream().filter(i -> !Objects.equals(owners.get(IdentityClaims.key(i)), customerId))
                .forEach(identity -> {
                    wanted.put(identity, customerId);
                    wantedBy.put(identity, index);
                });
    }

    /** Claims, in one write, the new identities of the rows that were stored. */
    void claim(IntPredicate stored) {
        wanted.keySet().removeIf(identity -> !stored.test(wantedBy.get(identity)));
        var lost = claims.claimAll(wanted);
        if (!lost.isEmpty()) {
            log.warn("Identities claimed concurrently by another writer while a feed batch was stored: {}", lost);
        }
    }
}
