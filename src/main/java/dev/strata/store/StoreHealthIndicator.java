package dev.strata.store;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Checks the store with {@code ping}, which both real MongoDB and the embedded server answer (unlike {@code hello}). */
@Component("store")
class StoreHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    StoreHealthIndicator(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document reply = mongo.executeCommand(new Document("ping", 1));
        Object ok = reply.get("ok");
        if (ok instanceof Number n && n.doubleValue() == 1.0) {
            builder.up();
        } else {
            builder.down().withDetail("reply", "ping not ok");
        }
    }
}
