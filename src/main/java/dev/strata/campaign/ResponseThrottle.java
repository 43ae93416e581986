package dev.strata.campaign;

import java.time.Instant;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Counts unknown tracking tokens per client address and minute, in the store so every instance agrees;
 * past the limit the address is refused for the rest of the minute.
 */
@Component
class ResponseThrottle {

    static final int MAX_FAILURES_PER_MINUTE = 20;
    static final String COLLECTION = "response_throttle";

    private final MongoTemplate mongo;

    ResponseThrottle(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    boolean blocked(String address, Instant now) {
        org.bson.Document counter = mongo.findById(key(address, now), org.bson.Document.class, COLLECTION);
        return counter != null && counter.get("failures") instanceof Number n && n.intValue() >= MAX_FAILURES_PER_MINUTE;
    }

    void failed(String address, Instant now) {
        mongo.upsert(Query.query(Criteria.where("_id").is(key(address, now))),
                new Update().inc("failures", 1).set("minute", now.getEpochSecond() / 60), COLLECTION);
    }

    private static String key(String address, Instant now) {
        return (address == null ? "unknown" : address) + "@" + now.getEpochSecond() / 60;
    }
}
