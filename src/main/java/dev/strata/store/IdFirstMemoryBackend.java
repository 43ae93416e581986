package dev.strata.store;

import java.util.List;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The in-memory backend, but a query naming {@code _id} beside other conditions (a guarded update, a live-only
 * lookup) is looked up by {@code _id} first: the stock server uses an index only for a query of exactly its keys and
 * otherwise scans every document, which made each guarded write cost a full collection scan.
 */
final class IdFirstMemoryBackend extends MemoryBackend {

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new MemoryDatabase(databaseName, getCursorRegistry()) {
            @Override
            protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
                return new IdFirstCollection(this, collectionName, options, cursorRegistry);
            }
        };
    }

    /** A collection that narrows by {@code _id} before matching the whole query. */
    static final class IdFirstCollection extends MemoryCollection {

        IdFirstCollection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
            super(database, name, options, cursors);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                Document fieldSelector) {
            Object id = idCondition(query);
            if (id != null && query.size() + (query.containsKey("$and") ? 1 : 0) > 1) {
                Document byId = new Document("_id", id);
                for (Index<Integer> index : getIndexes()) {
                    if (index.canHandle(byId)) {
                        // Every candidate is still matched against the whole query.
                        return matchDocuments(query, index.getPositions(byId), orderBy, skip, limit, batchSize, fieldSelector);
                    }
                }
            }
            return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
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
    }
}
