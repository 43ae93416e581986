package dev.strata.touchpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.strata.shared.Channel;
import dev.strata.support.StrataIntegrationTest;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Touchpoints built as plain BSON against the object mapping as oracle: random touchpoints stored once through the
 * mapping and once by hand are stored alike, and the hand-built one reads back as the same touchpoint.
 */
class TouchpointDocumentsTests extends StrataIntegrationTest {

    private static final Instant NOW = Instant.parse("2026-11-23T02:15:30.123Z");

    @Autowired
    private MongoTemplate mongo;

    @Test
    void touchpointsAreStoredAsTheMappingStoresThem() {
        Random random = new Random(31);
        for (int i = 0; i < 300; i++) {
            Touchpoint t = randomTouchpoint(random, i);
            mongo.insert(t, "touchpoint_docs_mapped");
            mongo.getCollection("touchpoint_docs_plain").insertOne(TouchpointDocuments.of(t));
            Object id = dev.strata.store.StoredValues.id(t.id());
            Document mapped = mongo.getCollection("touchpoint_docs_mapped").find(new Document("_id", id)).first();
            assertThat(mapped).as("touchpoint %d stored by the mapping", i).isNotNull();
            assertThat(mongo.getCollection("touchpoint_docs_plain").find(new Document("_id", id)).first())
                    .as("touchpoint %d: %s", i, t).isEqualTo(mapped);
            assertThat(mongo.findById(t.id(), Touchpoint.class, "touchpoint_docs_plain")).as("touchpoint %d read back", i)
                    .isEqualTo(t);
        }
    }

    private static Touchpoint randomTouchpoint(Random random, int i) {
        Channel[] channels = Channel.values();
        TouchpointStatus[] statuses = TouchpointStatus.values();
        List<Touchpoint.StatusChange> history = new ArrayList<>();
        for (int h = random.nextInt(4); h > 0; h--) {
            history.add(new Touchpoint.StatusChange(statuses[random.nextInt(statuses.length)], instant(random)));
        }
        String id = random.nextInt(5) == 0 ? "tp-" + i : new ObjectId().toHexString();
        return new Touchpoint(id, maybe(random, "cust" + i), maybe(random, "camp" + i), maybe(random, "step"),
                random.nextBoolean() ? null : channels[random.nextInt(channels.length)],
                random.nextBoolean() ? null : statuses[random.nextInt(statuses.length)], maybe(random, "NO_CONSENT no consent"),
                random.nextBoolean() ? null : ContactOutcome.values()[random.nextInt(ContactOutcome.values().length)],
                maybe(random, "note 备注"), maybe(random, "rm1"), maybe(random, "tok" + i),
                random.nextBoolean() ? null : instant(random), random.nextBoolean() ? null : instant(random),
                random.nextBoolean() ? null : instant(random),
                random.nextBoolean() ? null : new BigDecimal(random.nextInt(1_000_000)).movePointLeft(2),
                random.nextBoolean() ? null : instant(random), maybe(random, "camp:cust" + i), maybe(random, "A"),
                maybe(random, "camp:cust" + i + "|1"), history, random.nextBoolean() ? null : instant(random));
    }

    private static Instant instant(Random random) {
        return NOW.plus(random.nextInt(-100_000, 100_000), ChronoUnit.SECONDS).plusMillis(random.nextInt(1000));
    }

    private static String maybe(Random random, String value) {
        return random.nextInt(4) == 0 ? null : value;
    }
}
