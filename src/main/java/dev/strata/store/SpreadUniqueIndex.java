package dev.strata.store;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.exception.KeyConstraintError;

/**
 * The in-memory unique index, with keys hashed so that ObjectIds spread: the stock key hashes an ObjectId as
 * {@code Arrays.hashCode} of its 12 bytes, under which ids that differ only in their counter share a few thousand
 * values (200,000 ids from one process: about 10,000), so every {@code _id} lookup searched a chain of dozens of keys.
 * An update that left every key field the very value it was (the update copies untouched values by reference) skips
 * the stock index's four key extractions and comparisons.
 */
final class SpreadUniqueIndex extends AbstractUniqueIndex<Integer> {

    private final Map<Key, Integer> positions = new ConcurrentHashMap<>();

    SpreadUniqueIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
    }

    @Override
    public long getCount() {
        return positions.size();
    }

    @Override
    public boolean isEmpty() {
        return positions.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    protected Integer removeDocument(KeyValue key) {
        return positions.remove(new Key(key));
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Integer position) {
        return positions.putIfAbsent(new Key(key), position) == null;
    }

    @Override
    protected Integer getPosition(KeyValue key) {
        return positions.get(new Key(key));
    }

    @Override
    public synchronized void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Integer> collection) {
        if (!keysUntouched(oldDocument, newDocument)) {
            super.checkUpdate(oldDocument, newDocument, collection);
        }
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Integer position, MongoCollection<Integer> collection)
            throws KeyConstraintError {
        if (!keysUntouched(oldDocument, newDocument)) {
            super.updateInPlace(oldDocument, newDocument, position, collection);
        }
    }

    /** Whether each key field (top-level ones only) holds the very same value, or is absent, in both documents. */
    private boolean keysUntouched(Document before, Document after) {
        for (String key : keys()) {
            Object was = before.get(key);
            if (key.indexOf('.') >= 0 || was != after.get(key) || was == null && before.containsKey(key) != after.containsKey(key)) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Integer>> getIterable() {
        return () -> {
            Iterator<Map.Entry<Key, Integer>> entries = positions.entrySet().iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return entries.hasNext();
                }

                @Override
                public Map.Entry<KeyValue, Integer> next() {
                    Map.Entry<Key, Integer> entry = entries.next();
                    return Map.entry(entry.getKey().value, entry.getValue());
                }
            };
        };
    }

    /** A key as the stock index compares it, with a hash that tells apart ObjectIds differing in any byte. */
    static final class Key {

        private final KeyValue value;
        private final int hash;

        Key(KeyValue value) {
            this.value = value;
            this.hash = hash(value);
        }

        static int hash(KeyValue value) {
            int hash = 1;
            for (Object part : value) {
                hash = 31 * hash + (part instanceof ObjectId id ? hash(id) : Objects.hashCode(part));
            }
            return hash;
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

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && hash == key.hash && value.equals(key.value);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
