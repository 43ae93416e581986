package dev.strata.campaign;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Makes each move of an enrollment away from a step happen once, whoever attempts it (two runners after a lease ran
 * out, a runner and a waking response): a marker {@code enrollmentId|stepSeq} is inserted first, the one insert that
 * succeeds wins, and the winner changes the enrollment by {@code _id} alone. A conditional update on {@code _id} plus
 * {@code stepSeq} would do the same, but on the embedded file store any filter beyond {@code _id} scans the collection.
 * A marker is dropped when the schedule page that held its step comes due again as a tombstone, long after any
 * attempt that read the enrollment at that step has given up.
 */
@Component
class StepClaims {

    static final String COLLECTION = "campaign_step_claims";
    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;

    StepClaims(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    static String key(String enrollmentId, long stepSeq) {
        return enrollmentId + "|" + stepSeq;
    }

    /** Claims the keys in one unordered insert; returns those this caller won. */
    Set<String> claim(List<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        List<Document> markers = new ArrayList<>(keys.size());
        keys.forEach(key -> markers.add(new Document("_id", key)));
        Set<String> won = new HashSet<>(keys);
        try {
            mongo.getCollection(COLLECTION).insertMany(markers, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            e.getWriteErrors().forEach(error -> {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
                won.remove(keys.get(error.getIndex()));
            });
        }
        return won;
    }

    /** Drops claims no attempt can still race for (see {@link Schedule#CLAIMS_KEPT}). */
    void release(List<String> keys) {
        if (!keys.isEmpty()) {
            mongo.remove(Query.query(Criteria.where("_id").in(keys)), COLLECTION);
        }
    }

    boolean claim(String key) {
        return !claim(List.of(key)).isEmpty();
    }
}
