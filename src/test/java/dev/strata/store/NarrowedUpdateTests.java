package dev.strata.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Updates applied to a narrowed working copy answer and store exactly what the stock in-memory server does: the same
 * random updates (every operator kind, guards, positional updates, renames, replacements, unique-index clashes,
 * upserts, findAndModify) go to both, and after each the answers, errors and whole documents (field order too) agree.
 */
class NarrowedUpdateTests {

    static StockServerTwin twin;

    @BeforeAll
    static void start() {
        twin = StockServerTwin.start("narrowed");
    }

    @AfterAll
    static void stop() {
        twin.close();
    }

    @Test
    void randomUpdatesByIdStoreAndAnswerWhatTheStockServerDoes() {
        MongoCollection<Document> a = twin.ours.getDatabase("narrowed").getCollection("docs");
        MongoCollection<Document> b = twin.theirs.getDatabase("narrowed").getCollection("docs");
        for (MongoCollection<Document> c : List.of(a, b)) {
            c.createIndex(new Document("seq", 1), new IndexOptions().unique(true));
            c.createIndex(new Document("ref.code", 1), new IndexOptions().unique(true).sparse(true));
            for (int i = 0; i < 12; i++) {
                c.insertOne(new Document("_id", "c" + i).append("seq", i).append("name", "n" + i)
                        .append("portrait", new Document("tier", "GOLD").append("scores", new Document("churn", 0.1 * i)))
                        .append("recent", new ArrayList<>(List.of(new Document("t", "x").append("n", 1))))
                        .append("tags", new ArrayList<>(List.of("a", "b")))
                        .append("n", i % 4));
            }
        }
        Random random = new Random(20261202);
        int modified = 0;
        for (int step = 0; step < 1500; step++) {
            String id = "c" + random.nextInt(14);
            Bson selector = selector(random, id);
            Bson update = update(random);
            int kind = random.nextInt(10);
            boolean after = random.nextBoolean();
            int replacementSeq = 100 + random.nextInt(5);
            Function<MongoCollection<Document>, Object> op = switch (kind) {
                case 0 -> c -> c.findOneAndUpdate(selector, update,
                        new FindOneAndUpdateOptions().returnDocument(after ? ReturnDocument.AFTER : ReturnDocument.BEFORE));
                case 1 -> c -> c.replaceOne(Filters.eq("_id", id), new Document("seq", replacementSeq)
                        .append("name", "r").append("z", List.of(1, 2)));
                case 2 -> c -> c.updateOne(selector, update, new UpdateOptions().upsert(true)).toString();
                default -> c -> c.updateOne(selector, update).toString();
            };
            Object mine = outcome(a, op);
            Object stockOutcome = outcome(b, op);
            assertThat(mine).as("step %d: %s %s", step, selector, update).isEqualTo(stockOutcome);
            modified += String.valueOf(mine).contains("modifiedCount=1") ? 1 : 0;
            List<Document> all = a.find().into(new ArrayList<>());
            assertThat(all).as("step %d", step).isEqualTo(b.find().into(new ArrayList<>()));
            for (int i = 0; i < all.size(); i++) {
                assertThat(List.copyOf(all.get(i).keySet())).as("field order, step %d", step)
                        .isEqualTo(List.copyOf(b.find().into(new ArrayList<>()).get(i).keySet()));
            }
        }
        assertThat(modified).as("updates that changed a document").isGreaterThan(300);
    }

    @Test
    void aChangedListKeepsTheVeryElementsItDidNotChange() {
        List<Object> before = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            before.add(new de.bwaldvogel.mongo.bson.Document("id", "t" + i).append("at", 100 - i));
        }
        // What the stock update makes of a push at the front with a slice of 20: fresh copies, one new, the last dropped.
        List<Object> pushed = new ArrayList<>();
        pushed.add(new de.bwaldvogel.mongo.bson.Document("id", "new").append("at", 200));
        before.subList(0, 19).forEach(e -> pushed.add(((de.bwaldvogel.mongo.bson.Document) e).cloneDeeply()));
        List<Object> shared = NarrowedUpdate.sharingUnchanged(before, pushed);
        assertThat(shared).isEqualTo(pushed);
        assertThat(shared.get(0)).isSameAs(pushed.get(0));
        for (int i = 1; i < 20; i++) {
            assertThat(shared.get(i)).as("element %d", i).isSameAs(before.get(i - 1));
        }

        // A sorted insert in the middle, one element changed in place (a positional set) and the last one dropped.
        List<Object> mixed = new ArrayList<>();
        before.subList(0, 19).forEach(e -> mixed.add(((de.bwaldvogel.mongo.bson.Document) e).cloneDeeply()));
        mixed.add(10, new de.bwaldvogel.mongo.bson.Document("id", "middle").append("at", 90));
        ((de.bwaldvogel.mongo.bson.Document) mixed.get(3)).put("at", -1);
        shared = NarrowedUpdate.sharingUnchanged(before, mixed);
        assertThat(shared).isEqualTo(mixed);
        assertThat(shared.get(3)).as("the changed element").isSameAs(mixed.get(3)).isNotEqualTo(before.get(3));
        assertThat(shared.get(10)).as("the inserted element").isSameAs(mixed.get(10));
        for (int i : new int[] {0, 1, 2, 4, 9}) {
            assertThat(shared.get(i)).as("element %d", i).isSameAs(before.get(i));
        }
        for (int i = 11; i < 20; i++) {
            assertThat(shared.get(i)).as("element %d", i).isSameAs(before.get(i - 1));
        }
    }

    @Test
    void concurrentUpdatesOfOneDocumentLoseNothingAndEveryReadSeesItWhole() throws Exception {
        MongoCollection<Document> hot = twin.ours.getDatabase("narrowed").getCollection("hot");
        List<Document> big = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            big.add(new Document("i", i).append("tags", List.of("x", "y")));
        }
        hot.insertOne(new Document("_id", "h").append("big", big).append("a", 0).append("b", 0).append("log", new ArrayList<>()));
        var writerA = java.util.concurrent.CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 400; i++) {
                hot.updateOne(Filters.eq("_id", "h"), Updates.inc("a", 1));
            }
        });
        var writerB = java.util.concurrent.CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 400; i++) {
                hot.updateOne(Filters.and(Filters.eq("_id", "h"), Filters.gte("b", 0)),
                        Updates.combine(Updates.inc("b", 1), Updates.pushEach("log", List.of(i), new PushOptions().slice(-5))));
            }
        });
        int reads = 0;
        while (!writerA.isDone() || !writerB.isDone()) {
            Document read = hot.find(Filters.in("_id", List.of("h"))).first();
            assertThat(read.getList("big", Document.class)).isEqualTo(big);
            assertThat(List.copyOf(read.keySet()).subList(0, 5)).containsExactly("_id", "big", "a", "b", "log");
            assertThat(hot.findOneAndUpdate(Filters.eq("_id", "h"), Updates.inc("reads", 1)).getList("big", Document.class))
                    .hasSize(200);
            reads++;
        }
        writerA.get();
        writerB.get();
        Document last = hot.find(Filters.eq("_id", "h")).first();
        assertThat(last.getInteger("a")).isEqualTo(400);
        assertThat(last.getInteger("b")).isEqualTo(400);
        assertThat(last.getList("log", Integer.class)).containsExactly(395, 396, 397, 398, 399);
        assertThat(last.getInteger("reads", 0)).isEqualTo(reads);
        assertThat(last.getList("big", Document.class)).isEqualTo(big);
    }

    private static Object outcome(MongoCollection<Document> c, Function<MongoCollection<Document>, Object> op) {
        try {
            return String.valueOf(op.apply(c));
        } catch (MongoException e) {
            return "error " + e.getCode();
        }
    }

    private static Bson selector(Random random, String id) {
        return switch (random.nextInt(5)) {
            case 0 -> Filters.and(Filters.eq("_id", id), Filters.eq("n", random.nextInt(4)));
            case 1 -> Filters.and(Filters.eq("_id", id), Filters.eq("recent.t", "x"));
            case 2 -> Filters.and(Filters.eq("_id", id), Filters.exists("gone", false));
            default -> Filters.eq("_id", id);
        };
    }

    private static Bson update(Random random) {
        int v = random.nextInt(6);
        return switch (random.nextInt(16)) {
            case 0 -> Updates.set("n", v % 4);
            case 1 -> Updates.set("fresh" + v, v);
            case 2 -> Updates.unset(random.nextBoolean() ? "tags" : "fresh" + v);
            case 3 -> Updates.inc("n", 1);
            case 4 -> Updates.pushEach("recent", List.of(new Document("t", "x").append("n", v)), new PushOptions().slice(-3));
            case 5 -> Updates.pull("recent", new Document("n", v));
            case 6 -> Updates.rename(random.nextBoolean() ? "name" : "fresh" + v, "renamed" + v % 2);
            case 7 -> Updates.addToSet("tags", "t" + v % 3);
            case 8 -> Updates.set("portrait.scores.churn", 0.5);
            case 9 -> Updates.set("recent.$.n", 9);
            case 10 -> Updates.set("seq", v);
            case 11 -> Updates.set("ref", new Document("code", "r" + v));
            case 12 -> Updates.combine(Updates.set("portrait.tier", v % 2 == 0 ? "GOLD" : "SILVER"), Updates.max("n", v));
            case 13 -> Updates.set("portrait", new Document("tier", "GOLD").append("scores", new Document("churn", 0.1)));
            case 14 -> Updates.combine(Updates.set("name", "n"), Updates.set("name.x", 1));
            default -> Updates.set("_id", "other");
        };
    }
}
