package dev.strata.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;
import de.bwaldvogel.mongo.exception.KeyConstraintError;

/**
 * The in-memory unique index, cheap in the common case: ObjectIds spread over its table ({@link SpreadKey}), keys of
 * top-level scalars are read and normalized directly as the stock index would (it walked each path through streams,
 * maps and regular expressions three times per insert), and an update that left every key field the very value it was
 * does not touch it; anything else (arrays, sub-documents, operators, dotted paths) takes the stock path.
 */
final class SpreadUniqueIndex extends AbstractUniqueIndex<Integer> {

    /** What {@link #normalized} answers for a value this index leaves to the stock path. */
    private static final Object NOT_PLAIN = new Object();

    private final Map<SpreadKey, Integer> positions = new ConcurrentHashMap<>();
    /** The key fields, or null when one is a dotted path (then every document takes the stock path). */
    private final String[] topLevel;

    SpreadUniqueIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        String[] fields = keys.stream().map(IndexKey::getKey).toArray(String[]::new);
        this.topLevel = Arrays.stream(fields).anyMatch(field -> field.indexOf('.') >= 0) ? null : fields;
    }

    @Override
    public synchronized void checkAdd(Document document, MongoCollection<Integer> collection) {
        SpreadKey key = plainKey(document);
        if (key == null) {
            super.checkAdd(document, collection);
        } else if (!skippedAsSparse(document) && positions.containsKey(key)) {
            throw duplicate(document, collection);
        }
    }

    @Override
    public synchronized void add(Document document, Integer position, MongoCollection<Integer> collection) {
        SpreadKey key = plainKey(document);
        if (key == null) {
            super.add(document, position, collection);
        } else if (!skippedAsSparse(document) && positions.putIfAbsent(key, position) != null) {
            throw duplicate(document, collection);
        }
    }

    @Override
    public synchronized Integer remove(Document document) {
        SpreadKey key = plainKey(document);
        if (key == null) {
            return super.remove(document);
        }
        return skippedAsSparse(document) ? null : positions.remove(key);
    }

    @Override
    public Integer getPosition(Document document) {
        SpreadKey key = plainKey(document);
        return key == null ? super.getPosition(document) : positions.get(key);
    }

    @Override
    public synchronized void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Integer> collection) {
        if (keysUntouched(oldDocument, newDocument)) {
            return;
        }
        SpreadKey before = plainKey(oldDocument);
        SpreadKey after = plainKey(newDocument);
        if (before == null || after == null) {
            super.checkUpdate(oldDocument, newDocument, collection);
        } else if (!before.equals(after) && !skippedAsSparse(newDocument)) {
            Integer taken = positions.get(after);
            if (taken != null && !taken.equals(positions.get(before))) {
                throw duplicate(newDocument, collection);
            }
        }
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Integer position, MongoCollection<Integer> collection)
            throws KeyConstraintError {
        if (keysUntouched(oldDocument, newDocument)) {
            return;
        }
        SpreadKey before = plainKey(oldDocument);
        SpreadKey after = plainKey(newDocument);
        if (before == null || after == null) {
            super.updateInPlace(oldDocument, newDocument, position, collection);
        } else if (!before.equals(after)) {
            remove(oldDocument);
            add(newDocument, position, collection);
        }
    }

    /**
     * The key as the stock index normalizes it, when every key field is top-level and holds a scalar (absent counts as
     * null, as there); null otherwise.
     */
    private SpreadKey plainKey(Document document) {
        if (topLevel == null) {
            return null;
        }
        Object[] values = new Object[topLevel.length];
        for (int i = 0; i < topLevel.length; i++) {
            values[i] = normalized(document.get(topLevel[i]));
            if (values[i] == NOT_PLAIN) {
                return null;
            }
        }
        return values.length == 1 ? SpreadKey.single(values[0]) : SpreadKey.of(new KeyValue(values));
    }

    /**
     * A scalar as the stock index compares it: numbers as doubles (both zeros as 0.0) unless a long a double cannot
     * hold; {@link #NOT_PLAIN} for values it normalizes otherwise (arrays, sub-documents) or that a query treats as
     * operators.
     */
    private static Object normalized(Object value) {
        if (value == null || value instanceof String || value instanceof ObjectId || value instanceof Boolean
                || value instanceof Instant || value instanceof Date) {
            return value;
        }
        if (value instanceof Long exact && exact != (long) exact.doubleValue()) {
            return exact;
        }
        if (value instanceof Number number) {
            double plain = number.doubleValue();
            return plain == -0.0 ? 0.0 : plain;
        }
        return NOT_PLAIN;
    }

    /** The stock refusal, naming the key as the document holds it. */
    private DuplicateKeyError duplicate(Document document, MongoCollection<Integer> collection) {
        Object[] values = new Object[topLevel.length];
        for (int i = 0; i < topLevel.length; i++) {
            values[i] = document.get(topLevel[i]);
        }
        return new DuplicateKeyError(this, collection, getKeys(), new KeyValue(values));
    }

    /** Whether a query names exactly the key fields, with values this index can look up (or an {@code $in}). */
    @Override
    public boolean canHandle(Document query) {
        if (topLevel == null) {
            return super.canHandle(query);
        }
        if (query.size() != topLevel.length) {
            return false;
        }
        boolean allNull = true;
        for (String field : topLevel) {
            if (!query.containsKey(field)) {
                return false;
            }
            allNull &= query.get(field) == null;
        }
        if (isSparse() && allNull) {
            return false;
        }
        for (String field : topLevel) {
            if (query.get(field) instanceof Document condition && !lookupCondition(condition)) {
                return false;
            }
        }
        return true;
    }

    /** A sub-document in a query this index answers: a regular expression or {@code $in} on one field, or a plain value. */
    private boolean lookupCondition(Document condition) {
        if (topLevel.length > 1) {
            return false;
        }
        if (BsonRegularExpression.isRegularExpression(condition)) {
            return true;
        }
        for (String operator : condition.keySet()) {
            if (operator.startsWith("$") && !operator.equals("$in")) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Iterable<Integer> getPositions(Document query) {
        SpreadKey key = plainKey(query);
        if (key == null) {
            return super.getPositions(query);
        }
        Integer position = positions.get(key);
        return position == null ? List.of() : List.of(position);
    }

    /** A sparse index leaves out a document holding none of its key fields (a field holding null counts as held). */
    private boolean skippedAsSparse(Document document) {
        if (!isSparse()) {
            return false;
        }
        for (String field : topLevel) {
            if (document.containsKey(field)) {
                return false;
            }
        }
        return true;
    }

    /** Whether each key field (top-level ones only) holds the very same value, or is absent, in both documents. */
    private boolean keysUntouched(Document before, Document after) {
        if (topLevel == null) {
            return false;
        }
        for (String field : topLevel) {
            Object was = before.get(field);
            if (was != after.get(field) || was == null && before.containsKey(field) != after.containsKey(field)) {
                return false;
            }
        }
        return true;
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
        return positions.remove(SpreadKey.of(key));
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Integer position) {
        return positions.putIfAbsent(SpreadKey.of(key), position) == null;
    }

    @Override
    protected Integer getPosition(KeyValue key) {
        return positions.get(SpreadKey.of(key));
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Integer>> getIterable() {
        return () -> {
            Iterator<Map.Entry<SpreadKey, Integer>> entries = positions.entrySet().iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return entries.hasNext();
                }

                @Override
                public Map.Entry<KeyValue, Integer> next() {
                    Map.Entry<SpreadKey, Integer> entry = entries.next();
                    return Map.entry(entry.getKey().keyValue(), entry.getValue());
                }
            };
        };
    }
}
