package dev.strata.touchpoint;

import static dev.strata.support.RandomValues.instant;
import static dev.strata.support.RandomValues.maybe;
import static dev.strata.support.RandomValues.maybeInstant;
import static dev.strata.support.RandomValues.maybeOneOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.strata.shared.Channel;
import dev.strata.support.StoredBothWays;
import dev.strata.support.StrataIntegrationTest;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Touchpoints built as plain BSON against the object mapping as oracle: random touchpoints stored once through the
 * mapping and once by hand are stored alike, and the hand-built one reads back as the same touchpoint.
 */
class TouchpointDocumentsTests extends StrataIntegrationTest {

    @Autowired
    private MongoTemplate mongo;

    @Test
    void touchpointsAreStoredAsTheMappingStoresThem() {
        Random random = new Random(31);
        for (int i = 0; i < 300; i++) {
            Touchpoint t = randomTouchpoint(random, i);
            StoredBothWays stored = StoredBothWays.store(mongo, "touchpoint_docs", t.id(), t, TouchpointDocuments.of(t));
            assertThat(stored.mapped()).as("touchpoint %d stored by the mapping", i).isNotNull();
            assertThat(stored.plain()).as("touchpoint %d: %s", i, t).isEqualTo(stored.mapped());
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
                maybeOneOf(random, channels), maybeOneOf(random, statuses), maybe(random, "NO_CONSENT no consent"),
                maybeOneOf(random, ContactOutcome.values()), maybe(random, "note 备注"), maybe(random, "rm1"),
                maybe(random, "tok" + i), maybeInstant(random), maybeInstant(random), maybeInstant(random),
                random.nextBoolean() ? null : new BigDecimal(random.nextInt(1_000_000)).movePointLeft(2),
                maybeInstant(random), maybe(random, "camp:cust" + i), maybe(random, "A"),
                maybe(random, "camp:cust" + i + "|1"), history, maybeInstant(random));
    }
}
