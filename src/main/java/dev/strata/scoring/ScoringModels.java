package dev.strata.scoring;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The stored model versions: the one in force (re-read at most once a second, so every instance follows a change) and any earlier one. */
@Component
class ScoringModels {

    private static final long REFRESH_NANOS = 1_000_000_000L;

    private final MongoTemplate mongo;
    private final Clock clock;
    private final ConcurrentMap<Integer, ScoringModel> versions = new ConcurrentHashMap<>();
    private volatile ScoringModel current;
    private volatile long readAt;

    ScoringModels(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** The model in force; version 1 (the defaults) is stored on first use. */
    ScoringModel current() {
        ScoringModel model = current;
        if (model == null || System.nanoTime() - readAt > REFRESH_NANOS) {
            model = mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1), ScoringModel.class);
            if (model == null) {
                try {
                    model = mongo.insert(ScoringModel.defaults(clock.instant()));
                } catch (DuplicateKeyException e) {
                    model = mongo.findById(1, ScoringModel.class);
                }
            }
            versions.put(model.version(), model);
            current = model;
            readAt = System.nanoTime();
        }
        return model;
    }

    /** A stored version, or null. */
    ScoringModel version(int version) {
        ScoringModel model = versions.get(version);
        if (model == null) {
            model = mongo.findById(version, ScoringModel.class);
            if (model != null) {
                versions.put(version, model);
            }
        }
        return model;
    }

    /** Stores a new version; false when another admin stored that version first. */
    boolean add(ScoringModel model) {
        try {
            mongo.insert(model);
        } catch (DuplicateKeyException e) {
            return false;
        }
        versions.put(model.version(), model);
        current = model;
        readAt = System.nanoTime();
        return true;
    }
}
