package dev.strata.store;

import java.time.Clock;
import java.util.Date;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Remembers the result of each keyed batch write, so a retried batch gets its first answer instead of
 * running twice. Results are plain documents, shaped by their writers: a feed's answer runs to a thousand rows.
 */
@Component
public class IdempotencyKeys {

    static final String COLLECTION = "idempotency_keys";

    private final MongoTemplate mongo;
    private final Clock clock;

    IdempotencyKeys(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** The result stored for {@code key} of {@code operation}, if that batch ran before. */
    public Optional<Document> find(String operation, String key) {
        if (key == null) {
            return Optional.empty();
        }
        Document entry = mongo.getCollection(COLLECTION).find(new Document("_id", operation + ":" + key)).first();
        return Optional.ofNullable(entry).map(e -> e.get("result", Document.class));
    }

    /** Stores the result of a keyed batch; the first writer wins when two retries race. */
    public void remember(String operation, String key, Document result) {
        if (key == null) {
            return;
        }
        try {
            mongo.getCollection(COLLECTION).insertOne(new Document("_id", operation + ":" + key).append("result", result)
                    .append("createdAt", Date.from(clock.instant())));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // A concurrent retry stored the same batch first; its answer stands.
        }
    }
}
