package dev.strata.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonJavaScript;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;

/** Random store documents of every BSON type the library handles, for the wire format's differential tests. */
final class RandomDocuments {

    static final String[] TEXTS = {"", "a", "tier", "GOLD", "王小明", "emoji \uD83D\uDE00 pair", "lone \uD800 high",
            "lone \uDC00 low", "nul\u0000inside", "é", "x".repeat(300)};

    private RandomDocuments() {
    }

    static Document document(Random random, int depth) {
        Document document = new Document();
        int fields = random.nextInt(depth == 0 ? 12 : 5);
        for (int i = 0; i < fields; i++) {
            document.put(random.nextInt(4) == 0 ? TEXTS[random.nextInt(TEXTS.length)] + i : "f" + i, value(random, depth));
        }
        return document;
    }

    static Object value(Random random, int depth) {
        int kind = random.nextInt(depth < 3 ? 22 : 18);
        return switch (kind) {
            case 0 -> null;
            case 1 -> random.nextInt();
            case 2 -> random.nextLong();
            case 3 -> random.nextInt(5) == 0 ? Double.NaN : random.nextDouble() * 1e6 - 5e5;
            case 4, 5 -> TEXTS[random.nextInt(TEXTS.length)];
            case 6 -> random.nextBoolean();
            case 7 -> Instant.ofEpochMilli(random.nextLong() % 4_000_000_000_000L);
            case 8 -> new ObjectId();
            case 9 -> new Decimal128(random.nextLong(), random.nextLong());
            case 10 -> new BinData(bytes(random));
            case 11 -> UUID.randomUUID();
            case 12 -> new LegacyUUID(UUID.randomUUID());
            case 13 -> new BsonTimestamp(random.nextLong());
            case 14 -> new BsonRegularExpression("^a.*" + TEXTS[random.nextInt(4)], random.nextBoolean() ? "i" : "");
            case 15 -> random.nextBoolean() ? MaxKey.getInstance() : MinKey.getInstance();
            case 16 -> new BsonJavaScript("function() { return " + random.nextInt() + "; }");
            case 17 -> List.of();
            case 18, 19 -> document(random, depth + 1);
            default -> list(random, depth + 1);
        };
    }

    static Object list(Random random, int depth) {
        List<Object> values = new ArrayList<>();
        int size = random.nextInt(8) == 0 ? 1030 + random.nextInt(20) : random.nextInt(6);
        for (int i = 0; i < size; i++) {
            values.add(size > 100 ? (Object) random.nextInt() : value(random, depth));
        }
        return random.nextInt(5) == 0 ? new LinkedHashSet<>(values) : values;
    }

    static byte[] bytes(Random random) {
        byte[] bytes = new byte[random.nextInt(20)];
        random.nextBytes(bytes);
        return bytes;
    }
}
