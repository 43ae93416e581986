package dev.strata.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import de.bwaldvogel.mongo.backend.Assert;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.BsonConstants;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.ByteBuf;

/**
 * Decodes a client's BSON as the library's decoder does, but field names and short values come out as the store's
 * shared copies ({@link SharedStrings}), found by their bytes: the library made a new String of each, and the store
 * then rebuilt every inserted document and update to swap them for the shared ones. One per connection (not
 * thread-safe); values of other types are the library's.
 */
final class SharedBsonDecoder {

    /** Slots of the per-connection table from bytes to shared string; a power of two. */
    private static final int SLOTS = 2048;
    /** Longest name looked up by its bytes; longer ones are decoded, then shared. */
    private static final int NAME_BYTES = 64;

    private final SharedStrings shared;
    private final byte[][] keys = new byte[SLOTS][];
    private final String[] strings = new String[SLOTS];

    SharedBsonDecoder(SharedStrings shared) {
        this.shared = shared;
    }

    Document document(ByteBuf buffer) {
        Document document = new Document();
        elements(buffer, true, (name, value) -> {
            Object existing = document.put(name, value);
            Assert.isNull(existing, () -> "Document already contains field '" + name + "'");
        });
        return document;
    }

    /** An array's values in order; its keys ("0", "1", …) are skipped unread, as the library ignores them too. */
    private List<Object> list(ByteBuf buffer) {
        List<Object> values = new ArrayList<>();
        elements(buffer, false, (name, value) -> values.add(value));
        return values;
    }

    /** Reads a document's elements, with the library's checks, handing each to {@code sink} (named, or with null). */
    private void elements(ByteBuf buffer, boolean named, BiConsumer<String, Object> sink) {
        int totalLength = buffer.readIntLE();
        int length = totalLength - 4;
        if (buffer.readableBytes() < length) {
            throw new IllegalArgumentException("Too few bytes to read: " + buffer.readableBytes() + ". Expected: " + length);
        }
        if (length > BsonConstants.MAX_BSON_OBJECT_SIZE) {
            throw new IllegalArgumentException("BSON object too large: " + length + " bytes");
        }
        int start = buffer.readerIndex();
        while (buffer.readerIndex() - start < length) {
            byte type = buffer.readByte();
            if (type == BsonConstants.TERMINATING_BYTE) {
                return;
            }
            sink.accept(named ? name(buffer) : skipName(buffer), value(type, buffer));
        }
        throw new IllegalArgumentException("illegal BSON object. Terminating byte not found. totalObjectLength = "
                + totalLength);
    }

    private Object value(byte type, ByteBuf buffer) {
        return switch (type) {
            case BsonConstants.TYPE_UTF8_STRING -> text(buffer);
            case BsonConstants.TYPE_EMBEDDED_DOCUMENT -> document(buffer);
            case BsonConstants.TYPE_ARRAY -> list(buffer);
            default -> BsonDecoder.decodeValue(type, buffer);
        };
    }

    private static String skipName(ByteBuf buffer) {
        buffer.skipBytes(nameLength(buffer) + 1);
        return null;
    }

    private static int nameLength(ByteBuf buffer) {
        int length = buffer.bytesBefore(BsonConstants.STRING_TERMINATION);
        if (length < 0) {
            throw new IllegalArgumentException("string termination not found");
        }
        return length;
    }

    private String name(ByteBuf buffer) {
        int length = nameLength(buffer);
        String name = length <= NAME_BYTES ? lookedUp(buffer, buffer.readerIndex(), length)
                : shared.string(buffer.toString(buffer.readerIndex(), length, StandardCharsets.UTF_8));
        buffer.skipBytes(length + 1);
        return name;
    }

    private String text(ByteBuf buffer) {
        int length = buffer.readIntLE() - 1;
        if (length < 0 || buffer.readableBytes() < length + 1) {
            throw new IllegalArgumentException("Illegal string length: " + (length + 1));
        }
        String text;
        if (length <= SharedStrings.SHORT) {
            text = lookedUp(buffer, buffer.readerIndex(), length);
        } else {
            // Longer in bytes may still be short in chars (non-ASCII): shared, but not worth a table slot.
            text = buffer.toString(buffer.readerIndex(), length, StandardCharsets.UTF_8);
            text = text.length() <= SharedStrings.SHORT ? shared.string(text) : text;
        }
        buffer.skipBytes(length);
        byte trail = buffer.readByte();
        if (trail != BsonConstants.STRING_TERMINATION) {
            throw new IllegalArgumentException("Unexpected trailing byte: " + trail);
        }
        return text;
    }

    /**
     * The shared copy of the string of {@code length} bytes at {@code index} (a name, or a value short enough to be
     * shared), found by its bytes when this connection has seen it before.
     */
    private String lookedUp(ByteBuf buffer, int index, int length) {
        int hash = 1;
        for (int i = 0; i < length; i++) {
            hash = 31 * hash + buffer.getByte(index + i);
        }
        int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
        byte[] key = keys[slot];
        if (key != null && key.length == length && sameBytes(key, buffer, index)) {
            return strings[slot];
        }
        String decoded = buffer.toString(index, length, StandardCharsets.UTF_8);
        byte[] bytes = new byte[length];
        buffer.getBytes(index, bytes);
        keys[slot] = bytes;
        strings[slot] = shared.string(decoded);
        return strings[slot];
    }

    private static boolean sameBytes(byte[] key, ByteBuf buffer, int index) {
        for (int i = 0; i < key.length; i++) {
            if (key[i] != buffer.getByte(index + i)) {
                return false;
            }
        }
        return true;
    }
}
