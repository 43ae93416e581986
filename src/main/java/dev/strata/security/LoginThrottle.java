package dev.strata.security;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Counts consecutive failed logins per username, known or not, and locks the name after too many,
 * so the lock itself does not reveal whether an account exists.
 */
@Component
class LoginThrottle {

    private final MongoTemplate mongo;
    private final SecurityProperties properties;

    LoginThrottle(MongoTemplate mongo, SecurityProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
    }

    /** Failures in a row for one username, and until when it is locked. */
    @Document("login_attempts")
    record LoginAttempts(@Id String username, int failures, Instant lockedUntil) {
    }

    boolean isLocked(String username, Instant now) {
        LoginAttempts attempts = mongo.findById(key(username), LoginAttempts.class);
        return attempts != null && attempts.lockedUntil() != null && attempts.lockedUntil().isAfter(now);
    }

    /** Records a failure; returns true when this failure locked the username. */
    boolean recordFailure(String username, Instant now) {
        LoginAttempts attempts = mongo.findAndModify(Query.query(Criteria.where("_id").is(key(username))),
                new Update().inc("failures", 1), FindAndModifyOptions.options().upsert(true).returnNew(true),
                LoginAttempts.class);
        if (attempts == null || attempts.failures() < properties.maxFailedLogins()) {
            return false;
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(key(username))),
                new Update().set("failures", 0).set("lockedUntil", now.plus(properties.lockout())), LoginAttempts.class);
        return true;
    }

    void recordSuccess(String username) {
        mongo.remove(Query.query(Criteria.where("_id").is(key(username))), LoginAttempts.class);
    }

    private static String key(String username) {
        return username.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
