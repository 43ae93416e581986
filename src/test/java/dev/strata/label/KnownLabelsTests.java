package dev.strata.label;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import dev.strata.support.StrataIntegrationTest;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Labels read through the cache are exactly what the store holds, for random mixes of known, unknown and repeated
 * IDs, and a label inserted straight into the store (as another instance would) after its ID was asked for and
 * missed is found the next time.
 */
class KnownLabelsTests extends StrataIntegrationTest {

    @Autowired
    KnownLabels known;

    @Autowired
    MongoTemplate mongo;

    private Label inserted(String key) {
        return mongo.insert(new Label(new ObjectId().toHexString(), key, "Name " + key, null, LabelCategory.INTEREST,
                LabelKind.MANUAL, null, List.of(), Instant.parse("2026-03-01T08:00:00Z"), "test"));
    }

    @Test
    void answersWhatTheStoreHoldsForAnyMixOfIds() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(inserted(unique("known")).id());
        }
        Random random = new Random(13);
        for (int round = 0; round < 200; round++) {
            List<String> asked = new ArrayList<>();
            for (int i = random.nextInt(8); i >= 0; i--) {
                asked.add(random.nextInt(4) == 0 ? new ObjectId().toHexString() : ids.get(random.nextInt(ids.size())));
            }
            List<Label> oracle = mongo.find(Query.query(Criteria.where("_id").in(asked)), Label.class);
            assertThat(sorted(known.findAll(asked))).isEqualTo(sorted(oracle));
        }
    }

    @Test
    void aLabelInsertedAfterAMissIsFound() {
        String id = new ObjectId().toHexString();
        assertThat(known.findAll(List.of(id))).isEmpty();
        Label label = mongo.insert(new Label(id, unique("late"), "Late", null, LabelCategory.BASIC, LabelKind.MANUAL, null,
                List.of(), Instant.parse("2026-03-01T08:00:00Z"), "another instance"));
        assertThat(known.findAll(List.of(id))).containsExactly(label);
    }

    private static List<Label> sorted(List<Label> labels) {
        return labels.stream().sorted(Comparator.comparing(Label::id)).toList();
    }
}
