package dev.strata.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Whether a token's version is still its user's current one (and the user not disabled). Each answer is kept
 * for a few seconds ({@code STRATA_REVOCATION_CHECK}), so a request costs no store read; a change made on this
 * instance applies at once, one made on another instance within that interval.
 */
@Component
class TokenVersions {

    /** A user's current token version and whether they may sign in at all, as read at {@code readAt}. */
    private record State(int version, boolean disabled, long readAt) {
    }

    private final MongoTemplate mongo;
    private final long ttlNanos;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    TokenVersions(MongoTemplate mongo, @Value("${strata.security.revocation-check:PT5S}") Duration ttl) {
        this.mongo = mongo;
        this.ttlNanos = ttl.toNanos();
    }

    boolean isCurrent(String username, int version) {
        State state = states.get(username);
        if (state == null || System.nanoTime() - state.readAt() > ttlNanos) {
            state = read(username);
            if (states.size() > 100_000) {
                states.clear();
            }
            states.put(username, state);
        }
        return !state.disabled() && state.version() == version;
    }

    /** Forgets what was cached about the user, after a change that revokes their tokens. */
    void forget(String username) {
        states.remove(username);
    }

    private State read(String username) {
        Query query = Query.query(Criteria.where("username").is(username));
        query.fields().include("tokenVersion", "disabled");
        org.bson.Document user = mongo.findOne(query, org.bson.Document.class, "users");
        if (user == null) {
            return new State(-1, true, System.nanoTime());
        }
        return new State(user.get("tokenVersion", 0), Boolean.TRUE.equals(user.get("disabled")), System.nanoTime());
    }
}
