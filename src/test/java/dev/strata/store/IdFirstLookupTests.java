package dev.strata.store;

import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Lookups narrowed by {@code _id} on the in-memory store answer exactly what a full match would. */
class IdFirstLookupTests {

    static EmbeddedMongoStore store;
    static MongoClient client;
    static MongoCollection<Document> docs;

    @BeforeAll
    static void start() {
        store = EmbeddedMongoStore.openMemory(0);
        client = MongoClients.create(store.connectionString("idfirst"));
        docs = client.getDatabase("idfirst").getCollection("docs");
        for (int i = 0; i < 50; i++) {
            docs.insertOne(new Document("_id", "d" + i).append("n", i).append("even", i % 2 == 0));
        }
    }

    @AfterAll
    static void stop() {
        client.close();
        store.close();
    }

    @Test
    void anIdInListFindsExactlyTheListedDocuments() {
        List<String> found = ids(Filters.in("_id", List.of("d3", "d7", "d9", "missing", "d3")));
        assertThat(found).containsExactlyInAnyOrder("d3", "d7", "d9");
    }

    @Test
    void otherConditionsBesideTheIdStillApply() {
        assertThat(ids(Filters.and(Filters.in("_id", List.of("d2", "d3", "d4")), Filters.eq("even", true))))
                .containsExactlyInAnyOrder("d2", "d4");
        assertThat(ids(new Document("$and", List.of(new Document("_id", "d5"), new Document("n", new Document("$gt", 4))))))
                .containsExactly("d5");
        assertThat(ids(new Document("$and", List.of(new Document("_id", "d5"), new Document("n", new Document("$gt", 5))))))
                .isEmpty();
    }

    @Test
    void aGuardedUpdateByIdAppliesOnlyWhileTheGuardHolds() {
        assertThat(docs.updateOne(Filters.and(Filters.eq("_id", "d10"), Filters.eq("n", 11)), Updates.set("x", 1))
                .getMatchedCount()).isZero();
        assertThat(docs.updateOne(Filters.and(Filters.eq("_id", "d10"), Filters.eq("n", 10)), Updates.set("x", 1))
                .getMatchedCount()).isEqualTo(1);
    }

    @Test
    void anIdConditionTheIndexCannotAnswerExactlyIsStillMatchedInFull() {
        assertThat(ids(Filters.in("_id", List.of("d1", 1)))).containsExactly("d1");
        assertThat(ids(Filters.and(Filters.gte("_id", "d48"), Filters.eq("even", true)))).containsExactlyInAnyOrder("d48", "d6", "d8");
    }

    @Test
    void aUniqueFieldInListFindsWhatAFullMatchFinds() {
        MongoCollection<Document> numbered = client.getDatabase("idfirst").getCollection("numbered");
        numbered.createIndex(new Document("seq", 1), new com.mongodb.client.model.IndexOptions().unique(true));
        for (int i = 0; i < 40; i++) {
            numbered.insertOne(new Document("_id", "s" + i).append("seq", i % 3 == 0 ? (Object) (long) i : (Object) i)
                    .append("even", i % 2 == 0));
        }
        numbered.insertOne(new Document("_id", "no-seq"));
        List<Object> wanted = List.of(3, 4L, 5, 7, 7L, 9L, 12, 39, 40, -1, "3");
        List<String> found = numbered.find(Filters.in("seq", wanted)).map(d -> d.getString("_id"))
                .into(new java.util.ArrayList<>());
        List<String> oracle = numbered.find().into(new java.util.ArrayList<>()).stream()
                .filter(d -> d.get("seq") instanceof Number n && wanted.stream()
                        .anyMatch(w -> w instanceof Number m && m.longValue() == n.longValue()))
                .map(d -> d.getString("_id")).toList();
        assertThat(found).containsExactlyInAnyOrderElementsOf(oracle).hasSize(7);
        assertThat(numbered.find(Filters.in("seq", List.of(6, 8))).projection(new Document("_id", 1))
                .map(d -> d.getString("_id")).into(new java.util.ArrayList<>())).containsExactlyInAnyOrder("s6", "s8");
    }

    @Test
    void readingADocumentWhileItIsChangedNeverBreaksTheConnection() throws Exception {
        docs.insertOne(new Document("_id", "hot").append("items", new java.util.ArrayList<>()));
        var writer = java.util.concurrent.CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 1500; i++) {
                docs.updateOne(Filters.eq("_id", "hot"), Updates.push("items", "item-" + i));
            }
        });
        int reads = 0;
        while (!writer.isDone()) {
            assertThat(docs.find(Filters.in("_id", List.of("hot"))).first()).isNotNull();
            assertThat(docs.findOneAndUpdate(Filters.eq("_id", "hot"), Updates.inc("reads", 1))).isNotNull();
            reads++;
        }
        writer.get();
        assertThat(docs.find(Filters.eq("_id", "hot")).first().getList("items", String.class)).hasSize(1500);
        assertThat(docs.find(Filters.eq("_id", "hot")).first().getInteger("reads")).isEqualTo(reads);
    }

    @Test
    void anUpdateKeepsTheFieldsItLeftAsTheyWereAndStoresWhatItChanged() {
        Document portrait = new Document("name", "Li").append("scores", new Document("churn", 0.2).append("tags", List.of("a", "b")));
        docs.insertOne(new Document("_id", "p1").append("portrait", portrait).append("recent", new java.util.ArrayList<>())
                .append("n", 1));
        var stored = ((IdFirstMemoryBackend.IdFirstCollection) store.backend().resolveDatabase("idfirst")
                .resolveCollection("docs", true));
        Object portraitBefore = stored.storedById(new de.bwaldvogel.mongo.bson.Document("_id", "p1")).get("portrait");

        docs.updateOne(Filters.eq("_id", "p1"), Updates.push("recent", new Document("t", "t1")));
        var after = stored.storedById(new de.bwaldvogel.mongo.bson.Document("_id", "p1"));
        assertThat(after.get("portrait")).isSameAs(portraitBefore);
        assertThat(docs.find(Filters.eq("_id", "p1")).first()).isEqualTo(new Document("_id", "p1").append("portrait", portrait)
                .append("recent", List.of(new Document("t", "t1"))).append("n", 1));

        // The same fields in another order are a change, and are stored.
        Document reordered = new Document("scores", portrait.get("scores")).append("name", "Li");
        docs.updateOne(Filters.eq("_id", "p1"), Updates.set("portrait", reordered));
        Document read = docs.find(Filters.eq("_id", "p1")).first();
        assertThat(read.get("portrait", Document.class).keySet()).containsExactly("scores", "name");

        docs.updateOne(Filters.eq("_id", "p1"), Updates.combine(Updates.set("portrait.scores.churn", 0.3), Updates.unset("recent")));
        read = docs.find(Filters.eq("_id", "p1")).first();
        assertThat(read.get("portrait", Document.class).get("scores", Document.class).getDouble("churn")).isEqualTo(0.3);
        assertThat(read.containsKey("recent")).isFalse();
        assertThat(stored.storedById(new de.bwaldvogel.mongo.bson.Document("_id", "p1")).get("portrait")).isNotSameAs(portraitBefore);
    }

    @Test
    void aFieldUnderANonUniqueIndexIsStillChangedInPlaceOfACopyOfTheWholeDocument() {
        MongoCollection<Document> indexed = client.getDatabase("idfirst").getCollection("indexed");
        indexed.createIndex(new Document("updatedAt", 1));
        Document scores = new Document("churn", 0.2);
        indexed.insertOne(new Document("_id", "p1").append("portrait", new Document("tier", "GOLD").append("scores", scores))
                .append("updatedAt", 1));
        var stored = ((IdFirstMemoryBackend.IdFirstCollection) store.backend().resolveDatabase("idfirst")
                .resolveCollection("indexed", true));
        var portraitBefore = (de.bwaldvogel.mongo.bson.Document) stored.storedById(new de.bwaldvogel.mongo.bson.Document("_id", "p1"))
                .get("portrait");

        indexed.updateOne(Filters.eq("_id", "p1"), Updates.combine(Updates.set("portrait.tier", "SILVER"), Updates.inc("updatedAt", 1)));

        var portraitAfter = (de.bwaldvogel.mongo.bson.Document) stored.storedById(new de.bwaldvogel.mongo.bson.Document("_id", "p1"))
                .get("portrait");
        assertThat(portraitAfter.get("tier")).isEqualTo("SILVER");
        assertThat(portraitAfter.get("scores")).as("the sub-document the update did not name").isSameAs(portraitBefore.get("scores"));
        assertThat(indexed.find(Filters.eq("_id", "p1")).first().getInteger("updatedAt")).isEqualTo(2);
    }

    @Test
    void sameValuesAreEqualOfTheSameTypesInTheSameOrder() {
        var a = new de.bwaldvogel.mongo.bson.Document("x", 1).append("y", List.of("p", 2L));
        assertThat(IdFirstMemoryBackend.IdFirstCollection.same(a, new de.bwaldvogel.mongo.bson.Document("x", 1)
                .append("y", List.of("p", 2L)))).isTrue();
        assertThat(IdFirstMemoryBackend.IdFirstCollection.same(a, new de.bwaldvogel.mongo.bson.Document("y", List.of("p", 2L))
                .append("x", 1))).isFalse();
        assertThat(IdFirstMemoryBackend.IdFirstCollection.same(a, new de.bwaldvogel.mongo.bson.Document("x", 1L)
                .append("y", List.of("p", 2L)))).isFalse();
        assertThat(IdFirstMemoryBackend.IdFirstCollection.same(a, new de.bwaldvogel.mongo.bson.Document("x", 1)
                .append("y", List.of("p", 2)))).isFalse();
    }

    private static List<String> ids(org.bson.conversions.Bson filter) {
        return docs.find(filter).map(d -> d.getString("_id")).into(new java.util.ArrayList<>());
    }
}
