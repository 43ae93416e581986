package dev.strata.store;

import dev.strata.support.SettableClock;
import java.time.Duration;
import java.time.Instant;

import dev.strata.support.StrataIntegrationTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Keyed answers are replayed within the retention period, not after it, and expired ones are purged. */
class IdempotencyKeysTests extends StrataIntegrationTest {

    private static final Duration RETENTION = Duration.ofDays(7);

    @Autowired
    private MongoTemplate mongo;

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-01T00:00:00Z"));

    @Test
    void theFirstAnswerIsReplayedUntilItExpiresThenTheKeyIsFreeAgain() {
        IdempotencyKeys keys = new IdempotencyKeys(mongo, clock, RETENTION);
        String key = "retry-" + System.nanoTime();
        keys.remember("op", key, new Document("answer", 1));
        keys.remember("op", key, new Document("answer", 2));
        assertThat(keys.find("op", key)).contains(new Document("answer", 1));

        clock.set(clock.instant().plus(RETENTION).minusSeconds(1));
        assertThat(keys.find("op", key)).as("still within retention").contains(new Document("answer", 1));

        clock.set(clock.instant().plusSeconds(2));
        assertThat(keys.find("op", key)).as("expired").isEmpty();
        keys.remember("op", key, new Document("answer", 3));
        assertThat(keys.find("op", key)).as("the key answers anew").contains(new Document("answer", 3));
    }

    @Test
    void purgeDeletesOnlyExpiredEntries() {
        IdempotencyKeys keys = new IdempotencyKeys(mongo, clock, RETENTION);
        String old = "old-" + System.nanoTime();
        String fresh = "fresh-" + System.nanoTime();
        keys.remember("op", old, new Document("answer", "old"));
        clock.set(clock.instant().plus(Duration.ofDays(5)));
        keys.remember("op", fresh, new Document("answer", "fresh"));
        clock.set(clock.instant().plus(Duration.ofDays(3)));

        assertThat(keys.purgeExpired()).isGreaterThanOrEqualTo(1);

        assertThat(mongo.getCollection(IdempotencyKeys.COLLECTION).countDocuments(new Document("_id", "op:" + old))).isZero();
        assertThat(keys.find("op", fresh)).contains(new Document("answer", "fresh"));
    }
}
