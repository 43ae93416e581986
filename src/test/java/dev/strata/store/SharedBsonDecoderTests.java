package dev.strata.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.MongoWireProtocolHandler;
import de.bwaldvogel.mongo.wire.OpCode;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store's request decoder reads what the library's reads (random documents of every type, corrupted ones, whole
 * messages), and gives field names and short values as the store's shared copies.
 */
class SharedBsonDecoderTests {

    @Test
    void randomDocumentsDecodeAsTheLibraryDecodesThem() {
        Random random = new Random(20261204);
        SharedBsonDecoder decoder = new SharedBsonDecoder(new SharedStrings());
        int decoded = 0;
        for (int i = 0; i < 3000; i++) {
            byte[] bytes = encoded(RandomDocuments.document(random, 0));
            Object theirs = outcome(() -> BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes)));
            Object ours = outcome(() -> decoder.document(Unpooled.wrappedBuffer(bytes)));
            // The library writes a lone surrogate's length wrong, so its own decoder refuses such a document.
            if (theirs instanceof RuntimeException) {
                assertThat(ours).as("document %d", i).isInstanceOf(RuntimeException.class);
                continue;
            }
            decoded++;
            // Compared as re-encoded bytes: that holds order and types, and the library's regular expressions and
            // scripts have no equals.
            assertThat(encoded((Document) ours)).as("document %d", i).isEqualTo(encoded((Document) theirs));
        }
        assertThat(decoded).as("documents the library decodes").isGreaterThan(1500);
    }

    @Test
    void corruptedBytesFailWhereTheLibraryFailsAndDecodeAlikeWhereItDoesNot() {
        Random random = new Random(20261205);
        SharedBsonDecoder decoder = new SharedBsonDecoder(new SharedStrings());
        int failed = 0;
        for (int i = 0; i < 3000; i++) {
            byte[] whole = encoded(RandomDocuments.document(random, 0));
            byte[] bytes = random.nextBoolean() ? java.util.Arrays.copyOf(whole, random.nextInt(whole.length)) : whole;
            if (bytes == whole) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            Object theirs = outcome(() -> BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes)));
            Object ours = outcome(() -> decoder.document(Unpooled.wrappedBuffer(bytes)));
            if (theirs instanceof RuntimeException) {
                failed++;
                assertThat(ours).as("corrupted document %d", i).isInstanceOf(RuntimeException.class);
            } else {
                assertThat(ours).as("corrupted document %d", i).isInstanceOf(Document.class);
                assertThat(encoded((Document) ours)).as("corrupted document %d", i).isEqualTo(encoded((Document) theirs));
            }
        }
        assertThat(failed).as("corruptions the library refused").isGreaterThan(1000);
    }

    @Test
    void namesAndShortValuesAreTheSharedCopiesAndLongValuesAreNot() {
        SharedStrings strings = new SharedStrings();
        Document first = new SharedBsonDecoder(strings).document(Unpooled.wrappedBuffer(encoded(sample())));
        Document second = new SharedBsonDecoder(strings).document(Unpooled.wrappedBuffer(encoded(sample())));
        Document again = new SharedBsonDecoder(strings).document(Unpooled.wrappedBuffer(encoded(sample())));
        for (int i = 0; i < first.size(); i++) {
            assertThat(key(second, i)).isSameAs(key(first, i)).isSameAs(key(again, i));
        }
        assertThat(second.get("tier")).isSameAs(first.get("tier"));
        assertThat(second.get("name")).as("a short non-ASCII value").isSameAs(first.get("name"));
        assertThat(second.get("_id")).as("17 characters: not kept").isEqualTo(first.get("_id")).isNotSameAs(first.get("_id"));
        Document nested = (Document) ((List<?>) second.get("events")).get(0);
        Document nestedFirst = (Document) ((List<?>) first.get("events")).get(0);
        assertThat(nested.get("type")).isSameAs(nestedFirst.get("type"));
        assertThat(key(nested, 0)).isSameAs(key(nestedFirst, 0));
        Document shared = new Document(new String("tier".toCharArray()), new String("GOLD".toCharArray()));
        strings.share(shared);
        assertThat(key(shared, 0)).as("the store's own sharing agrees").isSameAs(key(first, 1));
        assertThat(shared.get("tier")).isSameAs(first.get("tier"));
    }

    @Test
    void wholeMessagesWithDocumentSequencesAndAChecksumDecodeAsTheLibrarysDecoderDecodesThem() {
        Random random = new Random(20261206);
        for (int i = 0; i < 200; i++) {
            List<Document> sequence = new ArrayList<>();
            int size = 1 + random.nextInt(5);
            while (sequence.size() < size) {
                Document document = RandomDocuments.document(random, 0);
                // Only documents the library reads back whole (see the lone surrogates above).
                if (outcome(() -> BsonDecoder.decodeBson(Unpooled.wrappedBuffer(encoded(document)))) instanceof Document read
                        && java.util.Arrays.equals(encoded(read), encoded(document))) {
                    sequence.add(document);
                }
            }
            byte[] message = opMsg(new Document("insert", "c").append("$db", "d"), "documents", sequence, i % 2 == 0);
            Document theirs = decoded(new EmbeddedChannel(new MongoWireProtocolHandler()), message);
            Document ours = decoded(new EmbeddedChannel(new SharingWireDecoder(new SharedStrings())), message);
            assertThat(encoded(ours)).as("message %d", i).isEqualTo(encoded(theirs));
            assertThat(ours.get("documents")).asList().hasSize(sequence.size());
        }
    }

    private static Document decoded(EmbeddedChannel channel, byte[] message) {
        // Delivered in two parts: the decoder waits for the whole message.
        int split = message.length / 2;
        channel.writeInbound(Unpooled.wrappedBuffer(message, 0, split));
        assertThat((Object) channel.readInbound()).isNull();
        channel.writeInbound(Unpooled.wrappedBuffer(message, split, message.length - split));
        MongoMessage decoded = channel.readInbound();
        return decoded.getDocument();
    }

    private static byte[] opMsg(Document body, String identifier, List<Document> documents, boolean checksum) {
        ByteBuf out = Unpooled.buffer();
        out.writeIntLE(0).writeIntLE(7).writeIntLE(0).writeIntLE(OpCode.OP_MSG.getId()).writeIntLE(checksum ? 1 : 0);
        out.writeByte(MongoMessage.SECTION_KIND_BODY);
        BsonEncoder.encodeDocument(body, out);
        out.writeByte(MongoMessage.SECTION_KIND_DOCUMENT_SEQUENCE);
        int sizeAt = out.writerIndex();
        out.writeIntLE(0);
        out.writeBytes(identifier.getBytes(java.nio.charset.StandardCharsets.UTF_8)).writeByte(0);
        documents.forEach(document -> BsonEncoder.encodeDocument(document, out));
        out.setIntLE(sizeAt, out.writerIndex() - sizeAt);
        if (checksum) {
            out.writeIntLE(0x5eed);
        }
        out.setIntLE(0, out.writerIndex());
        return ByteBufUtil.getBytes(out);
    }

    private static Document sample() {
        List<Object> events = new ArrayList<>();
        events.add(new Document(new String("type".toCharArray()), new String("LOGIN".toCharArray())));
        return new Document("_id", "6571f0c2a1b2c3d4e").append(new String("tier".toCharArray()), "GOLD")
                .append("name", new String("王小明".toCharArray())).append("events", events);
    }

    private static Object outcome(java.util.function.Supplier<Document> decode) {
        try {
            return decode.get();
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static byte[] encoded(Document document) {
        ByteBuf out = Unpooled.buffer();
        BsonEncoder.encodeDocument(document, out);
        return ByteBufUtil.getBytes(out);
    }

    private static String key(Document document, int index) {
        return new ArrayList<>(document.keySet()).get(index);
    }
}
