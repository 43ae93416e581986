package dev.strata.store;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * A unique-index key as the stock index compares it, hashed so that ObjectIds spread: the stock key hashes one as
 * {@code Arrays.hashCode} of its 12 bytes, under which ids differing only in their counter share few values (200,000
 * ids from one process got about 10,000), so every {@code _id} lookup searched a chain of dozens of keys. A key of one
 * field holds its value alone, without the stock key's list around it: most indexes have one field, and every key an
 * index holds stays on the heap as long as its document.
 */
final class SpreadKey {

    /** The value of a one-field key, or the {@link KeyValue} of a compound one. */
    private final Object value;
    private final int hash;

    private SpreadKey(Object value, int hash) {
        this.value = value;
        this.hash = hash;
    }

    /** The key of a one-field index, from its normalized value. */
    static SpreadKey single(Object value) {
        return new SpreadKey(value, hash(value));
    }

    /** The key of a stock key: its value alone when it has one field. */
    static SpreadKey of(KeyValue key) {
        if (key.size() == 1) {
            return single(key.get(0));
        }
        int hash = 1;
        for (Object part : key) {
            hash = 31 * hash + hash(part);
        }
        return new SpreadKey(key, hash);
    }

    static int hash(Object value) {
        return value instanceof ObjectId id ? hash(id) : Objects.hashCode(value);
    }

    /** The 12 bytes as one long and one int, each multiplied by an odd constant: ids differing in one part differ. */
    private static int hash(ObjectId id) {
        byte[] data = id.toByteArray();
        if (data.length != 12) {
            return Arrays.hashCode(data);
        }
        ByteBuffer bytes = ByteBuffer.wrap(data);
        long mixed = bytes.getLong(0) * 0xbf58476d1ce4e5b9L ^ (bytes.getInt(8) & 0xffffffffL) * 0x94d049bb133111ebL;
        mixed ^= mixed >>> 31;
        return (int) (mixed ^ mixed >>> 32);
    }

    /** The key as the stock index holds it. */
    KeyValue keyValue() {
        return value instanceof KeyValue key ? key : new KeyValue(new Object[] {value});
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SpreadKey key && hash == key.hash && Objects.equals(value, key.value);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
