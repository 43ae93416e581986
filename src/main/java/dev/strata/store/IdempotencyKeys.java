package dev.strata.store;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

/** Remembers the result of each keyed batch write, so a retried batch gets its first answer instead of running twice. */
@Component
public class IdempotencyKeys {

    private final MongoTemplate mongo;
    private final Clock clock;

    IdempotencyKeys(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** A stored result, keyed by operation and client key. */
    @Document("idempotency_keys")
    record Entry(@Id String id, Object result, Instant createdAt) {
    }

    /** The result stored for {@code key} of {@code operation}, if that batch ran before. */
    public <T> Optional<T> find(String operation, String key, Class<T> type) {
        if (key == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findById(operation + ":" + key, org.bson.Document.class, "idempotency_keys"))
                .map(doc -> mongo.getConverter().read(type, doc.get("result", org.bson.Document.class)));
    }

    /** Stores the result of a keyed batch; the first writer wins when two retries race. */
    public void remember(String operation, String key, Object result) {
        if (key == null) {
            return;
        }
        try {
            mongo.insert(new Entry(operation + ":" + key, result, clock.instant()));
        } catch (DuplicateKeyException e) {
            // A concurrent retry stored the same batch first; its answer stands.
        }
    }
}
