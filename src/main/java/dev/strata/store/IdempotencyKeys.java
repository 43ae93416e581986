package dev.strata.store;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Remembers the result of each keyed batch write for a retention period (a week by default), so a retried
 * batch gets its first answer instead of running twice. Results are plain documents, shaped by their
 * writers: a feed's answer runs to a thousand rows. Expired entries are purged hourly.
 */
@Component
public class IdempotencyKeys {

    static final String COLLECTION = "idempotency_keys";
    private static final String CREATED_AT = "createdAt";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration retention;

    IdempotencyKeys(MongoTemplate mongo, Clock clock, @Value("${strata.idempotency.retention:P7D}") Duration retention) {
        this.mongo = mongo;
        this.clock = clock;
        this.retention = retention;
    }

    /** The result stored for {@code key} of {@code operation}, if that batch ran within the retention period. */
    public Optional<Document> find(String operation, String key) {
        if (key == null) {
            return Optional.empty();
        }
        Document entry = entries().find(Filters.and(Filters.eq("_id", id(operation, key)), Filters.gte(CREATED_AT, cutoff()))).first();
        return Optional.ofNullable(entry).map(e -> e.get("result", Document.class));
    }

    /**
     * Stores the result of a keyed batch, replacing an expired entry under the same key; while an entry is
     * live, the first writer wins (two retries racing store one answer).
     */
    public void remember(String operation, String key, Document result) {
        if (key == null) {
            return;
        }
        Document entry = new Document("_id", id(operation, key)).append("result", result)
                .append(CREATED_AT, Date.from(clock.instant()));
        try {
            entries().replaceOne(Filters.and(Filters.eq("_id", entry.get("_id")), expired()), entry,
                    new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // A live entry exists: a concurrent retry stored the same batch first, and its answer stands.
        }
    }

    /** Deletes the entries past their retention; returns how many. */
    @Scheduled(initialDelayString = "${strata.idempotency.purge-interval:PT1H}",
            fixedDelayString = "${strata.idempotency.purge-interval:PT1H}")
    public long purgeExpired() {
        return entries().deleteMany(expired()).getDeletedCount();
    }

    private Bson expired() {
        return Filters.lt(CREATED_AT, cutoff());
    }

    private Date cutoff() {
        return Date.from(clock.instant().minus(retention));
    }

    private static String id(String operation, String key) {
        return operation + ":" + key;
    }

    private MongoCollection<Document> entries() {
        return mongo.getCollection(COLLECTION);
    }
}
