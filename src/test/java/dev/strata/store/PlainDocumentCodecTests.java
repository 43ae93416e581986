package dev.strata.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.mongodb.MongoClientSettings;
import org.bson.BsonArray;
import org.bson.BsonBinaryWriter;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.Document;
import org.bson.UuidRepresentation;
import org.bson.codecs.Codec;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Documents written by the store client's document codec are byte for byte what the driver's own codec writes. */
class PlainDocumentCodecTests {

    private static final Codec<Document> OURS = CodecRegistries.withUuidRepresentation(DocumentCodecConfiguration.codecs(),
            UuidRepresentation.STANDARD).get(Document.class);
    private static final Codec<Document> STOCK = CodecRegistries.withUuidRepresentation(
            MongoClientSettings.getDefaultCodecRegistry(), UuidRepresentation.STANDARD).get(Document.class);

    enum Tier { GOLD, PLATINUM }

    @Test
    void theClientUsesThisCodecForDocuments() {
        assertThat(OURS).isInstanceOf(PlainDocumentCodec.class);
        CodecRegistry nested = CodecRegistries.withUuidRepresentation(DocumentCodecConfiguration.codecs(), UuidRepresentation.STANDARD);
        assertThat(nested.get(Document.class)).isInstanceOf(PlainDocumentCodec.class);
    }

    @Test
    void randomDocumentsEncodeToTheDriversBytesAsStoredDocumentsAndAsValues() {
        Random random = new Random(20261203);
        for (int i = 0; i < 3000; i++) {
            Document document = document(random, 0);
            if (random.nextBoolean()) {
                document.put("_id", random.nextBoolean() ? new ObjectId() : "id-" + i);
            }
            for (boolean stored : new boolean[] {true, false}) {
                assertThat(bytes(OURS, document, stored)).as("document %d (stored %s): %s", i, stored, document)
                        .isEqualTo(bytes(STOCK, document, stored));
            }
        }
    }

    @Test
    void anIdAnywhereInAStoredDocumentIsWrittenFirstButNotInItsSubDocuments() {
        Document document = new Document("a", 1).append("sub", new Document("x", 1).append("_id", "inner")).append("_id", "outer");
        assertThat(bytes(OURS, document, true)).isEqualTo(bytes(STOCK, document, true));
        assertThat(bytes(OURS, document, false)).isEqualTo(bytes(STOCK, document, false));
        assertThat(bytes(OURS, document, true)).isNotEqualTo(bytes(OURS, document, false));
    }

    private static byte[] bytes(Codec<Document> codec, Document document, boolean stored) {
        BasicOutputBuffer buffer = new BasicOutputBuffer();
        codec.encode(new BsonBinaryWriter(buffer), document, EncoderContext.builder().isEncodingCollectibleDocument(stored).build());
        return buffer.toByteArray();
    }

    private static Document document(Random random, int depth) {
        Document document = new Document();
        int fields = random.nextInt(depth == 0 ? 10 : 5);
        for (int i = 0; i < fields; i++) {
            document.put(random.nextInt(8) == 0 ? "_id" : "f" + i, value(random, depth));
        }
        return document;
    }

    private static Object value(Random random, int depth) {
        int kind = random.nextInt(depth < 3 ? 24 : 19);
        return switch (kind) {
            case 0 -> null;
            case 1 -> random.nextInt();
            case 2 -> random.nextLong();
            case 3 -> random.nextInt(6) == 0 ? Double.NaN : random.nextDouble() * 1e6;
            case 4 -> random.nextBoolean() ? "王小明 \uD83D\uDE00" : "GOLD";
            case 5 -> random.nextBoolean();
            case 6 -> new Date(random.nextLong() % 4_000_000_000_000L);
            case 7 -> Instant.ofEpochMilli(random.nextLong() % 4_000_000_000_000L);
            case 8 -> new ObjectId();
            case 9 -> new Decimal128(new BigDecimal(random.nextInt() + ".25"));
            case 10 -> UUID.randomUUID();
            case 11 -> new Binary(new byte[] {1, 2, (byte) random.nextInt()});
            case 12 -> Tier.values()[random.nextInt(2)];
            case 13 -> LocalDate.of(2026, 1 + random.nextInt(12), 1);
            case 14 -> new BsonArray(List.of(new BsonInt32(random.nextInt()), new BsonString("s")));
            case 15 -> new java.sql.Timestamp(random.nextLong() % 4_000_000_000_000L);
            case 16 -> (short) random.nextInt(100);
            case 17 -> List.of();
            case 18 -> "";
            case 19, 20 -> document(random, depth + 1);
            case 21 -> map(random, depth + 1);
            default -> list(random, depth + 1);
        };
    }

    private static Map<String, Object> map(Random random, int depth) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("_id", value(random, depth));
        map.put("m", value(random, depth));
        return map;
    }

    private static Object list(Random random, int depth) {
        List<Object> values = new ArrayList<>();
        int size = random.nextInt(6);
        for (int i = 0; i < size; i++) {
            values.add(value(random, depth));
        }
        return random.nextInt(5) == 0 ? new LinkedHashSet<>(values) : random.nextBoolean() ? values : List.copyOf(
                values.stream().filter(java.util.Objects::nonNull).toList());
    }
}
