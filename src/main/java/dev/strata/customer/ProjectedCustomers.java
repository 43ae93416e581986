package dev.strata.customer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Raw, projected, unscoped reads of live customers for background work (scoring): by {@code _id} alone, so the
 * embedded store answers from its index instead of scanning, with merged-away customers dropped here.
 */
@Component
public class ProjectedCustomers {

    /** Ids per query: the embedded store matches each found document against every {@code $in} value. */
    static final int CHUNK = 100;
    private static final String MERGED = "mergedInto";
    /** Documents per reply of a full pass: few round trips, far under the wire limit. */
    private static final int STREAM_BATCH = 10_000;

    private final MongoTemplate mongo;

    ProjectedCustomers(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The live customers among {@code ids} as stored documents of {@code fields} (and {@code mergedInto}). */
    public List<Document> byIds(Collection<String> ids, List<String> fields) {
        List<Object> keys = ids.stream().distinct().map(CustomerDocuments::id).toList();
        List<String> projected = withMerged(fields);
        List<Document> found = new ArrayList<>(keys.size());
        for (int from = 0; from < keys.size(); from += CHUNK) {
            List<Object> chunk = keys.subList(from, Math.min(keys.size(), from + CHUNK));
            for (Document d : mongo.getCollection(CustomerDocuments.COLLECTION).find(Filters.in("_id", chunk))
                    .projection(Projections.include(projected))) {
                if (d.get(MERGED) == null) {
                    found.add(d);
                }
            }
        }
        return found;
    }

    /** Every live customer as a stored document of {@code fields} (and {@code mergedInto}), streamed in batches. */
    public void streamLive(List<String> fields, Consumer<Document> each) {
        streamAll(fields, d -> {
            if (d.get(MERGED) == null) {
                each.accept(d);
            }
        });
    }

    /** Every stored customer, merged-away ones too, as a document of {@code fields} (and {@code mergedInto}). */
    void streamAll(List<String> fields, Consumer<Document> each) {
        try (var cursor = mongo.getCollection(CustomerDocuments.COLLECTION).find()
                .projection(Projections.include(withMerged(fields))).batchSize(STREAM_BATCH).cursor()) {
            cursor.forEachRemaining(each::accept);
        }
    }

    private static List<String> withMerged(List<String> fields) {
        if (fields.contains(MERGED)) {
            return fields;
        }
        List<String> all = new ArrayList<>(fields);
        all.add(MERGED);
        return all;
    }
}
