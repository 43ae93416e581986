package dev.strata.store;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A differential test: the same random inserts, updates, deletes and index lookups against this project's store and
 * the stock in-memory server give the same outcomes (documents, refusals and what each unique index finds), whatever
 * the key values: strings, ObjectIds, null, absent, numbers of three types (longs a double cannot hold, both zeros),
 * arrays and sub-documents, looked up by value, {@code $in} and regular expression.
 */
class UniqueIndexesMatchTheStockServerTests {

    private static final int OPERATIONS = 3_000;
    private static final List<ObjectId> OBJECT_IDS = List.of(new ObjectId(), new ObjectId(), new ObjectId());

    @Test
    void everyOperationHasTheSameOutcomeOnBothStores() {
        long seed = Long.getLong("indexes.seed", System.nanoTime());
        Random random = new Random(seed);
        MongoServer stock = new MongoServer(new MemoryBackend());
        stock.bind(new InetSocketAddress("127.0.0.1", 0));
        int stockPort = stock.getLocalAddress().getPort();
        try (EmbeddedMongoStore ours = EmbeddedMongoStore.openMemory(0);
                MongoClient oursClient = MongoClients.create(ours.connectionString("diff"));
                MongoClient stockClient = MongoClients.create("mongodb://127.0.0.1:" + stockPort + "/diff")) {
            List<MongoCollection<Document>> both = List.of(collection(oursClient), collection(stockClient));
            int refused = 0;
            for (int i = 0; i < OPERATIONS; i++) {
                Function<MongoCollection<Document>, String> operation = operation(random);
                String what = "rerun with -Dindexes.seed=" + seed + ": operation " + i;
                String expected = outcome(what + " on the stock server", () -> operation.apply(both.get(1)));
                assertThat(outcome(what + " on this store", () -> operation.apply(both.get(0)))).as(what).isEqualTo(expected);
                refused += expected.startsWith("refused") ? 1 : 0;
                if (i % 50 == 0) {
                    assertThat(contents(both.get(0))).as(what).isEqualTo(contents(both.get(1)));
                }
            }
            assertThat(contents(both.get(0))).isEqualTo(contents(both.get(1)));
            assertThat(refused).as("duplicate keys met").isGreaterThan(OPERATIONS / 20);
        } finally {
            stock.shutdownNow();
        }
    }

    private static MongoCollection<Document> collection(MongoClient client) {
        MongoCollection<Document> docs = client.getDatabase("diff").getCollection("docs");
        docs.createIndex(new Document("code", 1), new IndexOptions().unique(true).sparse(true));
        docs.createIndex(new Document("a", 1).append("b", 1), new IndexOptions().unique(true));
        return docs;
    }

    /** One random operation, as a function giving its outcome on a store. */
    private static Function<MongoCollection<Document>, String> operation(Random random) {
        Object id = random.nextBoolean() ? "d" + random.nextInt(30) : OBJECT_IDS.get(random.nextInt(OBJECT_IDS.size()));
        return switch (random.nextInt(7)) {
            case 0, 1 -> {
                Document document = new Document("_id", id);
                for (String field : List.of("code", "a", "b")) {
                    if (random.nextInt(4) > 0) {
                        document.append(field, stored(field, random));
                    }
                }
                yield docs -> outcome(() -> docs.insertOne(document).wasAcknowledged());
            }
            case 2 -> {
                String field = List.of("code", "a", "b", "other").get(random.nextInt(4));
                Bson change = random.nextInt(5) == 0 ? new Document("$unset", new Document(field, 1))
                        : new Document("$set", new Document(field, stored(field, random)));
                yield docs -> outcome(() -> docs.updateOne(Filters.eq("_id", id), change).getModifiedCount());
            }
            case 3 -> docs -> outcome(() -> docs.deleteOne(Filters.eq("_id", id)).getDeletedCount());
            case 4 -> {
                Object code = value(random);
                yield docs -> outcome(() -> ids(docs, Filters.eq("code", code)));
            }
            case 5 -> {
                List<Object> codes = new ArrayList<>();
                for (int n = random.nextInt(4); n >= 0; n--) {
                    codes.add(value(random));
                }
                Bson filter = random.nextInt(4) == 0 ? Filters.regex("code", "^x[0-2]") : Filters.in("code", codes);
                // Distinct: the stock server answers a document twice when two listed values are equal keys (1 and 1L).
                yield docs -> outcome(() -> ids(docs, filter).stream().distinct().toList());
            }
            default -> {
                Bson both = Filters.and(Filters.eq("a", value(random)), Filters.eq("b", value(random)));
                yield docs -> outcome(() -> ids(docs, both));
            }
        };
    }

    /**
     * A value to store in {@code field}. Never an explicit null in the sparse {@code code}: both servers keep such a
     * document in the sparse index after the field is unset (the stock key comparison takes null and absent as one), and
     * then answer lookups with the removed document's stale position.
     */
    private static Object stored(String field, Random random) {
        Object value = value(random);
        return value == null && field.equals("code") ? "x0" : value;
    }

    private static Object value(Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> null;
            case 1 -> OBJECT_IDS.get(random.nextInt(OBJECT_IDS.size()));
            case 2 -> List.<Object>of(1, 1L, 1.0, 0, -0.0, (1L << 53) + 1, (1L << 53) + 2, 9007199254740992.0,
                    9007199254740994.0)
                    .get(random.nextInt(9));
            case 3 -> random.nextBoolean();
            case 4 -> List.of("x" + random.nextInt(3), "x" + (3 + random.nextInt(3)));
            case 5 -> new Document("n", "x" + random.nextInt(2));
            default -> "x" + random.nextInt(6);
        };
    }

    private static List<Object> ids(MongoCollection<Document> docs, Bson filter) {
        return docs.find(filter).sort(Sorts.ascending("_id")).map(d -> d.get("_id")).into(new ArrayList<>());
    }

    private static List<Document> contents(MongoCollection<Document> docs) {
        return docs.find().into(new ArrayList<>()).stream()
                .sorted((x, y) -> String.valueOf(x.get("_id")).compareTo(String.valueOf(y.get("_id")))).toList();
    }

    /** An operation's outcome, failing with {@code what} when it fails other than by the store's refusal. */
    private static String outcome(String what, java.util.function.Supplier<String> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw new AssertionError(what + " failed", e);
        }
    }

    private static String outcome(java.util.function.Supplier<Object> call) {
        try {
            return "done " + call.get();
        } catch (MongoException e) {
            return "refused " + e.getCode();
        }
    }
}
