package dev.strata.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.oplog.Oplog;

/**
 * The in-memory backend, but a query naming {@code _id} (alone, or beside other conditions: a guarded update, a
 * live-only lookup) is looked up by {@code _id} first: the stock server uses an index only for a query of exactly its
 * keys and otherwise scans every document, which made each guarded write cost a full collection scan; and it matches
 * every document an {@code _id $in} list found against that whole list again, which made a batch read of n documents
 * cost n² comparisons. A plain {@code _id} or {@code $in} of plain values is exact in the index, so only the rest of
 * the query is matched. Documents read by {@code _id} (and what {@code findAndModify} returns) are answered as copies:
 * the stock server hands out the stored document, which a concurrent update changes in place while the reply is
 * still being encoded (a ConcurrentModificationException that drops the connection). Unique indexes hash ObjectIds
 * so that they spread (see {@link SpreadUniqueIndex}). The common updates of one document by {@code _id} are applied
 * straight to it (see {@link DirectUpdate}); the rest on a narrowed working copy (see {@link NarrowedUpdate}).
 */
final class IdFirstMemoryBackend extends MemoryBackend {

    private final SharedStrings strings;

    /** A backend whose stored documents share {@code strings}, which the wire decoder shares too. */
    IdFirstMemoryBackend(SharedStrings strings) {
        this.strings = strings;
    }

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new MemoryDatabase(databaseName, getCursorRegistry()) {
            @Override
            protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
                return new IdFirstCollection(this, collectionName, options, cursorRegistry, strings);
            }

            @Override
            protected Index<Integer> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                    boolean sparse) {
                return new SpreadUniqueIndex(indexName, keys, sparse);
            }
        };
    }

    /** A collection that narrows by {@code _id} before matching the whole query. */
    static final class IdFirstCollection extends MemoryCollection {

        /** Set while a read command runs on this thread: what it finds leaves the lock, so it gets copies. */
        private static final ThreadLocal<Boolean> READING = ThreadLocal.withInitial(() -> false);
        /** Set while a write runs on this thread: it queries (through the read path) the stored documents to change. */
        private static final ThreadLocal<Boolean> WRITING = ThreadLocal.withInitial(() -> false);

        /** Set while an update by {@code _id} runs on this thread: the working copy found in place of the stored document. */
        private static final ThreadLocal<NarrowedUpdate> WORKING = new ThreadLocal<>();

        private final SharedStrings strings;

        IdFirstCollection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors,
                SharedStrings strings) {
            super(database, name, options, cursors);
            this.strings = strings;
        }

        /** Every stored document shares its field names and short values with the others (see {@link SharedStrings}). */
        @Override
        protected Integer addDocumentInternal(Document document) {
            strings.share(document);
            return super.addDocumentInternal(document);
        }

        /**
         * Not kept: only {@code collStats} reports it (nothing here reads that), and keeping it encoded the whole
         * document twice on every update, the largest cost of a one-field change to a customer portrait.
         */
        @Override
        protected boolean tracksDataSize() {
            return false;
        }

        /**
         * An update shares its own (small) document's strings before it is applied, so what it writes into the stored
         * document is shared, while the rest of that document, already shared, is not walked again on every change.
         * An update of one document by {@code _id} (and perhaps other conditions, matched against that document alone)
         * is applied straight to it when it can be (see {@link DirectUpdate}), or else to a narrowed working copy (see
         * {@link NarrowedUpdate}), which the stock update finds in place of the stored document, and its outcome then
         * goes into the stored one.
         */
        @Override
        public synchronized Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters,
                boolean multi, boolean upsert, Oplog oplog) {
            strings.share(update);
            Document stored = multi ? null : storedById(selector);
            if (stored == null) {
                return super.updateDocuments(selector, update, arrayFilters, multi, upsert, oplog);
            }
            Set<String> indexed = indexedFields();
            if (arrayFilters.isEmpty()) {
                Document rest = withoutId(selector);
                boolean matched = rest.isEmpty() || documentMatchesQuery(stored, rest);
                DirectUpdate.Outcome outcome = !matched ? null : DirectUpdate.apply(stored, update, indexed);
                if (!matched && !upsert || outcome != null && outcome != DirectUpdate.Outcome.NOT_APPLIED) {
                    boolean modified = outcome == DirectUpdate.Outcome.MODIFIED;
                    oplog.handleUpdate(getFullName(), selector, update, modified ? List.of(stored.get("_id")) : List.of());
                    return new Document("n", matched ? 1 : 0).append("nModified", modified ? 1 : 0);
                }
            }
            NarrowedUpdate narrowed = NarrowedUpdate.of(stored, selector, update, indexed);
            WORKING.set(narrowed);
            Document result;
            try {
                result = super.updateDocuments(selector, update, arrayFilters, multi, upsert, oplog);
            } finally {
                WORKING.remove();
            }
            narrowed.applyToStored();
            return result;
        }

        /** The top-level fields some index reads (the stock server keeps a non-unique index as an empty one, which reads none). */
        private Set<String> indexedFields() {
            Set<String> fields = new HashSet<>();
            for (Index<Integer> index : getIndexes()) {
                if (index instanceof EmptyIndex) {
                    continue;
                }
                for (IndexKey key : index.getKeys()) {
                    fields.add(NarrowedUpdate.topLevel(key.getKey()));
                }
            }
            return fields;
        }

        /** Equal values of the same types, with sub-document fields in the same order (a map's equals ignores order). */
        static boolean same(Object a, Object b) {
            return SameShape.equal(a, b, (x, y) -> x == y || x != null && y != null && x.getClass() == y.getClass() && x.equals(y));
        }

        /** The stored document a plain {@code _id} selector names, or null (other selectors, nothing found). */
        Document storedById(Document selector) {
            Object id = selector.get("_id");
            if (!plain(id)) {
                return null;
            }
            Document byId = new Document("_id", id);
            for (Index<Integer> index : getIndexes()) {
                if (index.canHandle(byId)) {
                    for (Integer position : index.getPositions(byId)) {
                        return getDocument(position);
                    }
                    return null;
                }
            }
            return null;
        }

        @Override
        public synchronized QueryResult handleQuery(QueryParameters parameters) {
            READING.set(!WRITING.get());
            try {
                return super.handleQuery(parameters);
            } finally {
                READING.set(false);
            }
        }

        @Override
        public synchronized Document findAndModify(Document query) {
            WRITING.set(true);
            try {
                if (query.get("update") instanceof Document update) {
                    strings.share(update);
                }
                Document result = super.findAndModify(query);
                if (result.get("value") instanceof Document value) {
                    result.put("value", new Document(value));
                }
                return result;
            } finally {
                WRITING.set(false);
            }
        }

        @Override
        public synchronized int deleteDocuments(Document selector, int limit, Oplog oplog) {
            WRITING.set(true);
            try {
                return super.deleteDocuments(selector, limit, oplog);
            } finally {
                WRITING.set(false);
            }
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                Document fieldSelector) {
            Object id = idCondition(query);
            if (id != null) {
                Document byId = new Document("_id", id);
                for (Index<Integer> index : getIndexes()) {
                    if (index.canHandle(byId)) {
                        // Candidates are matched against the whole query, or only the rest when the index is exact.
                        Document rest = exact(id) ? withoutId(query) : query;
                        NarrowedUpdate narrowed = WORKING.get();
                        Stream<Document> found = StreamSupport.stream(index.getPositions(byId).spliterator(), false)
                                .map(this::getDocument)
                                .map(d -> narrowed != null && d == narrowed.stored ? narrowed.work : d);
                        if (!READING.get()) {
                            return matchDocumentsFromStream(found, rest, orderBy, skip, limit, batchSize, fieldSelector);
                        }
                        Stream<Document> copies = found.filter(d -> rest.isEmpty() || documentMatchesQuery(d, rest))
                                .map(d -> copyOf(d, fieldSelector));
                        return matchDocumentsFromStream(copies, new Document(), orderBy, skip, limit, batchSize, fieldSelector);
                    }
                }
            }
            List<Document> byUniqueKey = byUniqueKey(query);
            if (byUniqueKey != null) {
                Stream<Document> found = READING.get() ? byUniqueKey.stream().map(d -> copyOf(d, fieldSelector))
                        : byUniqueKey.stream();
                return matchDocumentsFromStream(found, new Document(), orderBy, skip, limit, batchSize, fieldSelector);
            }
            return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
        }

        /**
         * The documents matching a query of one field {@code $in} a list of plain values, when a unique index on that
         * field can look them up: value by value, each found document matched against its one equality. Null otherwise.
         * The stock server looked the list up in the index and then matched every found document against the whole
         * list again (n² comparisons: enrolling 200,000 customers by {@code seq} spent much of its time there).
         */
        private List<Document> byUniqueKey(Document query) {
            if (query.size() != 1) {
                return null;
            }
            String field = query.keySet().iterator().next();
            if (!(query.get(field) instanceof Document condition) || condition.size() != 1
                    || !(condition.get("$in") instanceof Collection<?> values) || values.isEmpty()
                    || !values.stream().allMatch(IdFirstCollection::plainValue)) {
                return null;
            }
            for (Index<Integer> index : getIndexes()) {
                if (index.canHandle(new Document(field, values.iterator().next()))) {
                    Set<Document> found = Collections.newSetFromMap(new IdentityHashMap<>());
                    List<Document> ordered = new ArrayList<>();
                    for (Object value : values) {
                        Document equality = new Document(field, value);
                        for (Integer position : index.getPositions(equality)) {
                            Document document = getDocument(position);
                            if (documentMatchesQuery(document, equality) && found.add(document)) {
                                ordered.add(document);
                            }
                        }
                    }
                    return ordered;
                }
            }
            return null;
        }

        private static boolean plainValue(Object value) {
            return plain(value) || value instanceof Long || value instanceof Integer;
        }

        /**
         * A copy of the stored document's top level (only the included top-level fields when the projection names only
         * such), made under the lock: an update replaces a stored document's top-level values and never changes a value
         * in place (it works on deep copies, and what it left equal is the object stored before), so what a reply
         * encodes after the lock is released stays as it was, and sharing the values is safe.
         */
        static Document copyOf(Document stored, Document fieldSelector) {
            if (fieldSelector == null || fieldSelector.isEmpty() || !fieldSelector.keySet().stream()
                    .allMatch(key -> key.indexOf('.') < 0 && !key.startsWith("$") && isInclusion(fieldSelector.get(key)))) {
                return new Document(stored);
            }
            Document copy = new Document();
            for (String key : fieldSelector.keySet()) {
                if (stored.containsKey(key)) {
                    copy.put(key, stored.get(key));
                }
            }
            if (stored.containsKey("_id")) {
                copy.put("_id", stored.get("_id"));
            }
            return copy;
        }

        private static boolean isInclusion(Object value) {
            return Boolean.TRUE.equals(value) || value instanceof Number n && n.intValue() == 1;
        }

        /** The {@code _id} condition at the top of the query or in one of its top-level {@code $and} terms; null if none. */
        static Object idCondition(Document query) {
            Object id = query.get("_id");
            if (id != null) {
                return id;
            }
            if (query.get("$and") instanceof List<?> terms) {
                for (Object term : terms) {
                    if (term instanceof Document document && document.get("_id") != null) {
                        return document.get("_id");
                    }
                }
            }
            return null;
        }

        /** Whether the unique {@code _id} index finds exactly the documents this condition matches. */
        static boolean exact(Object id) {
            if (plain(id)) {
                return true;
            }
            if (id instanceof Document document && document.size() == 1 && document.get("$in") instanceof Collection<?> in) {
                return in.stream().allMatch(IdFirstCollection::plain);
            }
            return false;
        }

        private static boolean plain(Object value) {
            return value instanceof String || value instanceof ObjectId;
        }

        /** The query without its {@code _id} condition (at the top, or in the first {@code $and} term naming it). */
        static Document withoutId(Document query) {
            Document rest = new Document();
            boolean removed = query.containsKey("_id");
            for (String key : query.keySet()) {
                Object value = query.get(key);
                if (key.equals("_id")) {
                    continue;
                }
                if (!removed && key.equals("$and") && value instanceof List<?> terms) {
                    List<Object> kept = new ArrayList<>(terms.size());
                    for (Object term : terms) {
                        if (!removed && term instanceof Document document && document.get("_id") != null) {
                            removed = true;
                            Document termRest = new Document(document);
                            termRest.remove("_id");
                            if (!termRest.isEmpty()) {
                                kept.add(termRest);
                            }
                        } else {
                            kept.add(term);
                        }
                    }
                    if (!kept.isEmpty()) {
                        rest.put(key, kept);
                    }
                    continue;
                }
                rest.put(key, value);
            }
            return rest;
        }
    }
}
