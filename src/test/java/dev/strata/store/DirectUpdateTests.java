package dev.strata.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Updates applied straight to the stored document answer and store exactly what the stock in-memory server does: the
 * same random {@code $set}, {@code $unset}, {@code $inc}, {@code $push}, {@code $addToSet} and {@code $pullAll} updates
 * (nested paths, every number type, paths through nulls, plain values and lists, overlapping paths, indexed fields,
 * push modifiers, selectors with more conditions than the {@code _id}) go to both, and after
 * each the answers, errors and whole documents (types and field order at every depth) agree.
 */
class DirectUpdateTests {

    static StockServerTwin twin;

    private static final List<String> PATHS = List.of("n", "l", "d", "s", "nul", "fresh", "list", "recent", "a", "a.x",
            "a.y", "a.b", "a.b.c", "a.new.deep", "s.x", "nul.x", "list.x", "list.0", "a.b.c.d", "seq", "_id", "a.$", "");
    private static final List<String> LIST_PATHS = List.of("tags", "list", "recent", "fresh", "a.tags", "s", "nul", "a.b");

    @BeforeAll
    static void start() {
        twin = StockServerTwin.start("direct");
    }

    @AfterAll
    static void stop() {
        twin.close();
    }

    @Test
    void randomUpdatesStoreAndAnswerWhatTheStockServerDoes() {
        MongoCollection<Document> a = twin.ours.getDatabase("direct").getCollection("docs");
        MongoCollection<Document> b = twin.theirs.getDatabase("direct").getCollection("docs");
        for (MongoCollection<Document> c : List.of(a, b)) {
            c.createIndex(new Document("seq", 1), new IndexOptions().unique(true));
            c.createIndex(new Document("n", 1));
            for (int i = 0; i < 8; i++) {
                c.insertOne(document(i));
            }
        }
        Random random = new Random(20261203);
        int direct = 0;
        int modified = 0;
        for (int step = 0; step < 3000; step++) {
            String id = "c" + random.nextInt(9);
            Document update = update(random);
            boolean upsert = random.nextInt(8) == 0;
            Document before = b.find(Filters.eq("_id", id)).first();
            Bson selector = switch (random.nextInt(6)) {
                case 0 -> Filters.and(Filters.eq("_id", id), Filters.eq("n", random.nextInt(3)));
                case 1 -> Filters.and(Filters.eq("_id", id), Filters.eq("tags", "p" + random.nextInt(5)));
                default -> Filters.eq("_id", id);
            };
            Object mine = outcome(a, selector, update, upsert);
            Object stockOutcome = outcome(b, selector, update, upsert);
            assertThat(mine).as("step %d: %s", step, update.toJson()).isEqualTo(stockOutcome);
            assertThat(json(a)).as("step %d: %s", step, update.toJson()).isEqualTo(json(b));
            if (before != null && DirectUpdate.apply(stored(before), stored(update), Set.of("seq"))
                    != DirectUpdate.Outcome.NOT_APPLIED) {
                direct++;
            }
            modified += String.valueOf(mine).contains("modifiedCount=1") ? 1 : 0;
        }
        assertThat(direct).as("updates applied straight to the stored document").isGreaterThan(600);
        assertThat(modified).as("updates that changed a document").isGreaterThan(600);
    }

    @Test
    void onlyWhatAnUpdateChangesIsNewTheRestIsTheVeryObjectStoredBefore() {
        var recent = new ArrayList<Object>(List.of(new de.bwaldvogel.mongo.bson.Document("t", 1)));
        var scores = new de.bwaldvogel.mongo.bson.Document("churn", 0.1);
        var portrait = new de.bwaldvogel.mongo.bson.Document("tier", "GOLD").append("scores", scores);
        var stored = new de.bwaldvogel.mongo.bson.Document("_id", "c1").append("portrait", portrait)
                .append("recent", recent).append("n", 1);
        var update = new de.bwaldvogel.mongo.bson.Document("$set", new de.bwaldvogel.mongo.bson.Document("portrait.tier", "SILVER"))
                .append("$push", new de.bwaldvogel.mongo.bson.Document("recent", new de.bwaldvogel.mongo.bson.Document("$each",
                        List.of(new de.bwaldvogel.mongo.bson.Document("t", 2))).append("$position", 0).append("$slice", 2)))
                .append("$inc", new de.bwaldvogel.mongo.bson.Document("n", 1L));

        assertThat(DirectUpdate.apply(stored, update, Set.of())).isEqualTo(DirectUpdate.Outcome.MODIFIED);

        assertThat(List.copyOf(stored.keySet())).containsExactly("_id", "portrait", "recent", "n");
        assertThat(stored.get("n")).isEqualTo(2L);
        var newPortrait = (de.bwaldvogel.mongo.bson.Document) stored.get("portrait");
        assertThat(newPortrait).isNotSameAs(portrait);
        assertThat(portrait.get("tier")).as("the stored sub-document is not changed in place").isEqualTo("GOLD");
        assertThat(newPortrait.get("tier")).isEqualTo("SILVER");
        assertThat(newPortrait.get("scores")).isSameAs(scores);
        List<?> newRecent = (List<?>) stored.get("recent");
        assertThat(newRecent).hasSize(2);
        assertThat(newRecent.get(1)).isSameAs(recent.get(0));
        assertThat(recent).hasSize(1);

        var same = new de.bwaldvogel.mongo.bson.Document("$set", new de.bwaldvogel.mongo.bson.Document("n", 2.0));
        assertThat(DirectUpdate.apply(stored, same, Set.of())).isEqualTo(DirectUpdate.Outcome.UNMODIFIED);
        assertThat(stored.get("n")).as("an equal number keeps its type").isEqualTo(2L);
        var indexed = new de.bwaldvogel.mongo.bson.Document("$set", new de.bwaldvogel.mongo.bson.Document("n", 3));
        assertThat(DirectUpdate.apply(stored, indexed, Set.of("n"))).isEqualTo(DirectUpdate.Outcome.NOT_APPLIED);
        assertThat(stored.get("n")).isEqualTo(2L);
    }

    private static Document document(int i) {
        return new Document("_id", "c" + i).append("seq", i).append("n", i).append("l", (long) i * 3_000_000_000L)
                .append("d", i / 2.0).append("s", "text").append("nul", null)
                .append("a", new Document("x", i).append("y", List.of(1, 2))
                        .append("b", new Document("c", i % 2 == 0 ? 5 : 5.0)))
                .append("list", new ArrayList<>(List.of(1, 2, 3))).append("tags", new ArrayList<>(List.of("p1", "p2", "p3")))
                .append("recent", new ArrayList<>(List.of(new Document("t", "x"), new Document("t", "y"))));
    }

    private static Document update(Random random) {
        Document update = new Document();
        int operations = 1 + random.nextInt(2);
        for (int i = 0; i < operations; i++) {
            String operator = switch (random.nextInt(11)) {
                case 0, 1, 2 -> "$set";
                case 3 -> "$unset";
                case 4, 5 -> "$inc";
                case 6 -> random.nextInt(6) == 0 ? "$max" : "$push";
                case 7 -> "$addToSet";
                case 8 -> "$pullAll";
                default -> "$push";
            };
            Document fields = (Document) update.computeIfAbsent(operator, k -> new Document());
            int paths = 1 + random.nextInt(2);
            for (int p = 0; p < paths; p++) {
                String path = operator.equals("$addToSet") || operator.equals("$pullAll")
                        ? LIST_PATHS.get(random.nextInt(LIST_PATHS.size()))
                        : PATHS.get(random.nextInt(random.nextInt(6) == 0 ? PATHS.size() : 14));
                fields.put(path, switch (operator) {
                    case "$unset" -> "";
                    case "$inc" -> random.nextInt(10) == 0 ? "one" : number(random);
                    case "$push" -> pushed(random);
                    case "$addToSet" -> random.nextBoolean() ? "p" + random.nextInt(5)
                            : new Document("$each", List.of("p" + random.nextInt(5), "p" + random.nextInt(5), random.nextInt(3)));
                    case "$pullAll" -> random.nextInt(8) == 0 ? "p1" : List.of("p" + random.nextInt(5), "p" + random.nextInt(5), 2);
                    default -> value(random);
                });
            }
        }
        return update;
    }

    private static Object number(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> random.nextInt(3);
            case 1 -> (long) random.nextInt(3);
            case 2 -> random.nextInt(3) / 2.0;
            case 3 -> Integer.MAX_VALUE;
            default -> new org.bson.types.Decimal128(random.nextInt(3));
        };
    }

    private static Object value(Random random) {
        return switch (random.nextInt(9)) {
            case 0, 1 -> number(random);
            case 8 -> new Document("y", List.of(1, 2)).append("x", random.nextInt(3));
            case 2 -> "text";
            case 3 -> null;
            case 4 -> new Document("x", random.nextInt(3)).append("y", List.of(1, 2));
            case 5 -> new Document("c", 5);
            case 6 -> List.of(1, 2, 3);
            default -> new Document("$bad", 1);
        };
    }

    private static Object pushed(Random random) {
        if (random.nextInt(3) == 0) {
            return value(random);
        }
        Document push = new Document("$each", List.of(new Document("t", "n" + random.nextInt(3)), random.nextInt(3)));
        if (random.nextBoolean()) {
            push.append("$position", random.nextInt(7) - 2);
        }
        if (random.nextBoolean()) {
            push.append("$slice", random.nextInt(9) - 4);
        }
        if (random.nextInt(8) == 0) {
            push.append("$sort", 1);
        }
        return push;
    }

    private static Object outcome(MongoCollection<Document> c, Bson selector, Document update, boolean upsert) {
        try {
            return String.valueOf(c.updateOne(selector, update, new UpdateOptions().upsert(upsert)));
        } catch (MongoException e) {
            return "error " + e.getCode();
        } catch (IllegalArgumentException e) {
            return "refused by the driver";
        }
    }

    private static List<String> json(MongoCollection<Document> c) {
        return c.find().map(Document::toJson).into(new ArrayList<>());
    }

    /** A driver document as the embedded server holds it. */
    @SuppressWarnings("unchecked")
    private static <T> T stored(Object value) {
        if (value instanceof Document document) {
            var copy = new de.bwaldvogel.mongo.bson.Document();
            document.forEach((k, v) -> copy.put(k, stored(v)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(stored(v)));
            return (T) copy;
        }
        if (value instanceof org.bson.types.Decimal128 decimal) {
            return (T) new de.bwaldvogel.mongo.bson.Decimal128(decimal.getLow(), decimal.getHigh());
        }
        return (T) value;
    }
}
