package dev.strata.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Unique indexes on the in-memory store spread ObjectIds over their hash table and still answer exactly. */
class SpreadUniqueIndexTests {

    private static final int IDS = 200_000;

    @Test
    void idsFromOneProcessOrOneDemoStreamGetAsManyHashesAsThereAreIds() {
        Set<Integer> live = new HashSet<>();
        Set<Integer> demo = new HashSet<>();
        for (int i = 0; i < IDS; i++) {
            live.add(SpreadKey.hash(key(new ObjectId())));
            demo.add(SpreadKey.hash(key(new ObjectId(String.format("%08x%08x%08x", 1_714_067_200L, 123_456_789L, i)))));
        }
        // 32-bit hashes of 200,000 keys: a handful of chance collisions, not the thousands-fold sharing of the stock hash.
        assertThat(live).hasSizeGreaterThan(IDS - 50);
        assertThat(demo).hasSizeGreaterThan(IDS - 50);
    }

    @Test
    void objectIdKeysAreFoundRefusedAndFreedExactlyAsStored() {
        try (EmbeddedMongoStore store = EmbeddedMongoStore.openMemory(0);
                MongoClient client = MongoClients.create(store.connectionString("spread"))) {
            MongoCollection<Document> docs = client.getDatabase("spread").getCollection("docs");
            docs.createIndex(new Document("owner", 1).append("kind", 1), new IndexOptions().unique(true));
            List<ObjectId> ids = new ArrayList<>();
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < 20_000; i++) {
                ObjectId id = new ObjectId();
                ids.add(id);
                batch.add(new Document("_id", id).append("owner", id).append("kind", "k" + i % 3).append("n", i));
            }
            docs.insertMany(batch);

            List<ObjectId> wanted = List.of(ids.get(0), ids.get(7_777), ids.get(19_999), new ObjectId());
            assertThat(docs.find(Filters.in("_id", wanted)).map(d -> d.getObjectId("_id")).into(new ArrayList<>()))
                    .containsExactlyInAnyOrder(ids.get(0), ids.get(7_777), ids.get(19_999));
            for (int i = 0; i < ids.size(); i += 997) {
                assertThat(docs.find(Filters.eq("_id", ids.get(i))).first().getInteger("n")).isEqualTo(i);
                assertThat(docs.find(Filters.and(Filters.eq("owner", ids.get(i)), Filters.eq("kind", "k" + i % 3))).first()
                        .getInteger("n")).isEqualTo(i);
            }
            ObjectId taken = ids.get(4_242);
            assertThatThrownBy(() -> docs.insertOne(new Document("_id", taken)))
                    .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(11000));
            assertThatThrownBy(() -> docs.insertOne(new Document("owner", taken).append("kind", "k" + 4_242 % 3)))
                    .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(11000));

            docs.deleteOne(Filters.eq("_id", taken));
            assertThat(docs.find(Filters.eq("_id", taken)).first()).isNull();
            docs.insertOne(new Document("_id", taken).append("owner", taken).append("kind", "k0").append("n", -1));
            assertThat(docs.find(Filters.eq("owner", taken)).first().getInteger("n")).isEqualTo(-1);
            assertThat(docs.countDocuments()).isEqualTo(20_000);
        }
    }

    @Test
    void anUpdateMovesTheKeysItChangesAndLeavesTheOthersFindable() {
        try (EmbeddedMongoStore store = EmbeddedMongoStore.openMemory(0);
                MongoClient client = MongoClients.create(store.connectionString("spread"))) {
            MongoCollection<Document> docs = client.getDatabase("spread").getCollection("coded");
            docs.createIndex(new Document("code", 1), new IndexOptions().unique(true));
            ObjectId first = new ObjectId();
            ObjectId second = new ObjectId();
            docs.insertMany(List.of(new Document("_id", first).append("code", "A").append("n", 1),
                    new Document("_id", second).append("code", "B").append("n", 2)));

            docs.updateOne(Filters.eq("_id", first), new Document("$inc", new Document("n", 10)));
            assertThat(docs.find(Filters.eq("code", "A")).first().getInteger("n")).isEqualTo(11);

            docs.updateOne(Filters.eq("_id", first), new Document("$set", new Document("code", "C")));
            assertThat(docs.find(Filters.eq("code", "A")).first()).isNull();
            assertThat(docs.find(Filters.eq("code", "C")).first().getObjectId("_id")).isEqualTo(first);
            docs.insertOne(new Document("code", "A"));

            assertThatThrownBy(() -> docs.updateOne(Filters.eq("_id", second), new Document("$set", new Document("code", "C"))))
                    .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(11000));
            assertThat(docs.find(Filters.eq("code", "B")).first().getObjectId("_id")).isEqualTo(second);
            assertThat(docs.find(Filters.eq("_id", second)).first().getString("code")).isEqualTo("B");
        }
    }

    private static de.bwaldvogel.mongo.bson.ObjectId key(ObjectId id) {
        return new de.bwaldvogel.mongo.bson.ObjectId(id.toByteArray());
    }
}
