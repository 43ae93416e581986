package dev.strata.campaign;

import static dev.strata.support.RandomValues.instant;
import static dev.strata.support.RandomValues.maybe;
import static dev.strata.support.RandomValues.maybeInstant;
import static dev.strata.support.RandomValues.maybeOneOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;

import com.mongodb.client.model.Filters;
import dev.strata.shared.Channel;
import dev.strata.support.StoredBothWays;
import dev.strata.support.StrataIntegrationTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The runner's plain-BSON documents against the object mapping as oracle: random enrollments, outbox messages and
 * enrollment moves, stored once through the mapping and once as built by hand, must be stored alike and read back alike.
 */
class RunnerDocumentsTests extends StrataIntegrationTest {

    @Autowired
    private MongoTemplate mongo;

    @Test
    void enrollmentsAreStoredAndReadAsTheMappingStoresAndReadsThem() {
        Random random = new Random(21);
        for (int i = 0; i < 300; i++) {
            Enrollment e = randomEnrollment(random, i);
            StoredBothWays stored = StoredBothWays.store(mongo, "runner_docs", e.id(), e, RunnerDocuments.enrollment(e));
            Document mapped = stored.mapped();
            assertThat(stored.plain()).as("enrollment %d: %s", i, e).isEqualTo(mapped);
            assertThat(RunnerDocuments.readEnrollment(mapped)).as("enrollment %d", i)
                    .isEqualTo(mongo.findById(e.id(), Enrollment.class, "runner_docs_mapped")).isEqualTo(e);
        }
    }

    @Test
    void enrollmentMovesChangeTheStoredDocumentAsTheMappedUpdateDoes() {
        Random random = new Random(22);
        for (int i = 0; i < 300; i++) {
            Enrollment e = randomEnrollment(random, 1000 + i);
            mongo.insert(e, "runner_moves_mapped");
            mongo.insert(e, "runner_moves_plain");
            Update update = randomMove(random);
            mongo.updateFirst(Query.query(Criteria.where("_id").is(e.id())), update, Enrollment.class, "runner_moves_mapped");
            mongo.getCollection("runner_moves_plain").updateOne(Filters.eq("_id", e.id()), RunnerDocuments.update(update));
            assertThat(stored("runner_moves_plain", e.id())).as("move %d: %s", i, update)
                    .isEqualTo(stored("runner_moves_mapped", e.id()));
        }
    }

    @Test
    void outboxMessagesAreStoredAsTheMappingStoresThem() {
        Random random = new Random(23);
        for (int i = 0; i < 300; i++) {
            OutboxSender.OutboxMessage m = new OutboxSender.OutboxMessage("e" + i + "|" + random.nextInt(9), maybe(random,
                    new org.bson.types.ObjectId().toHexString()), maybe(random, "c" + i), maybe(random, "k" + i),
                    maybe(random, "offer"), maybe(random, "B"), maybe(random, "SMS"), maybe(random, "Hi {name} 你好"),
                    maybe(random, "tok" + i), maybeInstant(random));
            StoredBothWays stored = StoredBothWays.store(mongo, "runner_outbox", m.id(), m, RunnerDocuments.outbox(m));
            assertThat(stored.plain()).as("message %d: %s", i, m).isEqualTo(stored.mapped());
        }
    }

    private Document stored(String collection, String id) {
        return mongo.getCollection(collection).find(Filters.eq("_id", id)).first();
    }

    private static Enrollment randomEnrollment(Random random, int i) {
        Channel[] channels = Channel.values();
        Enrollment.State[] states = Enrollment.State.values();
        return new Enrollment("camp" + i + ":cust" + random.nextInt(1000), maybe(random, "camp" + i),
                maybe(random, "cust" + i), random.nextBoolean(), maybeOneOf(random, states),
                maybe(random, "step" + random.nextInt(5)), random.nextInt(3) == 0 ? 0 : random.nextLong(1, 1L << 40),
                maybeInstant(random), maybeInstant(random), maybeInstant(random), maybeInstant(random), random.nextInt(6),
                maybeOneOf(random, channels), maybeOneOf(random, channels), random.nextBoolean(), random.nextInt(4));
    }

    /** The kinds of update {@link BatchWork} makes: a schedule or an end, with or without the response fields. */
    private static Update randomMove(Random random) {
        Update update = new Update();
        if (random.nextBoolean()) {
            update.set("responseRank", 0).unset("responseChannel");
        }
        if (random.nextBoolean()) {
            update.set("answeredChannel", Channel.values()[random.nextInt(Channel.values().length)]);
        }
        if (random.nextBoolean()) {
            boolean waiting = random.nextBoolean();
            update.set("stepKey", "s" + random.nextInt(4)).set("stepSeq", random.nextLong(1, 100)).set("dueAt", instant(random))
                    .set("state", waiting ? Enrollment.State.WAITING_RESPONSE : Enrollment.State.ACTIVE);
            if (waiting) {
                update.set("waitUntil", instant(random));
            } else {
                update.unset("waitUntil");
            }
        } else {
            update.set("state", Enrollment.State.DONE).set("stepSeq", random.nextLong(1, 100)).set("endedAt", instant(random))
                    .unset("stepKey").unset("dueAt").unset("waitUntil");
        }
        return update;
    }
}
