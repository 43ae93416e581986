package dev.strata.identity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import dev.strata.customer.Customer;
import dev.strata.customer.IdentityClaims;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The ONE_ID registry: which customer owns each (channel, externalId) pair. Claims are inserts keyed
 * by the pair, so two writers racing for one identity cannot both win, on any MongoDB.
 */
@Component
public class IdentityRegistry implements IdentityClaims {

    static final String COLLECTION = "identities";
    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;
    private final Clock clock;

    IdentityRegistry(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public Map<String, String> owners(Collection<Customer.ChannelIdentity> identities) {
        Set<String> keys = identities.stream().map(IdentityClaims::key).collect(Collectors.toSet());
        Map<String, String> owners = new HashMap<>();
        if (!keys.isEmpty()) {
            mongo.find(Query.query(Criteria.where("_id").in(keys)), IdentityRecord.class)
                    .forEach(record -> owners.put(record.id(), record.customerId()));
        }
        return owners;
    }

    /**
     * Claims the identities nobody owns for {@code customerId}. Returns those another customer owns,
     * which were therefore not claimed; identities the customer already owns count as claimed.
     */
    public List<Customer.ChannelIdentity> claim(String customerId, Collection<Customer.ChannelIdentity> identities) {
        Map<Customer.ChannelIdentity, String> wanted = new LinkedHashMap<>();
        identities.forEach(identity -> wanted.put(identity, customerId));
        Set<String> taken = claimAll(wanted);
        if (taken.isEmpty()) {
            return List.of();
        }
        List<Customer.ChannelIdentity> contested = wanted.keySet().stream().filter(i -> taken.contains(IdentityClaims.key(i))).toList();
        Map<String, String> owners = owners(contested);
        return contested.stream().filter(i -> !customerId.equals(owners.get(IdentityClaims.key(i)))).toList();
    }

    /**
     * Claims each identity for its customer in one unordered write; returns the keys someone already held.
     * The claims are written as plain documents (the feed claims a thousand at a time), in the form the
     * mapper reads back as {@link IdentityRecord}.
     */
    @Override
    public Set<String> claimAll(Map<Customer.ChannelIdentity, String> owners) {
        if (owners.isEmpty()) {
            return Set.of();
        }
        Date now = Date.from(clock.instant());
        List<Document> claims = new ArrayList<>(owners.size());
        owners.forEach((identity, customerId) -> claims.add(new Document("_id", IdentityClaims.key(identity))
                .append("customerId", customerId).append("channel", identity.channel().name())
                .append("externalId", identity.externalId()).append("claimedAt", now)));
        try {
            mongo.getCollection(COLLECTION).insertMany(claims, new InsertManyOptions().ordered(false));
            return Set.of();
        } catch (MongoBulkWriteException e) {
            return taken(claims, e.getWriteErrors());
        }
    }

    private static Set<String> taken(List<Document> claims, List<BulkWriteError> errors) {
        Set<String> taken = new HashSet<>();
        for (BulkWriteError error : errors) {
            if (error.getCode() != DUPLICATE_KEY) {
                throw new IllegalStateException("Identity claim failed: " + error.getMessage());
            }
            taken.add(claims.get(error.getIndex()).getString("_id"));
        }
        return taken;
    }

    /** Hands one identity from {@code from} to {@code to}, if {@code from} still holds it. */
    boolean transfer(String key, String from, String to) {
        Query held = Query.query(Criteria.where("_id").is(key).and("customerId").is(from));
        return mongo.updateFirst(held, Update.update("customerId", to), IdentityRecord.class).getModifiedCount() == 1;
    }

    /** Moves every identity {@code from} owns to {@code to}; returns the identities moved. */
    List<Customer.ChannelIdentity> transferAll(String from, String to) {
        List<IdentityRecord> held = mongo.find(Query.query(Criteria.where("customerId").is(from)), IdentityRecord.class);
        if (!held.isEmpty()) {
            Query query = Query.query(Criteria.where("_id").in(held.stream().map(IdentityRecord::id).toList())
                    .and("customerId").is(from));
            mongo.updateMulti(query, Update.update("customerId", to), IdentityRecord.class);
        }
        return held.stream().map(r -> new Customer.ChannelIdentity(r.channel(), r.externalId())).toList();
    }
}
