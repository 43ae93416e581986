package dev.strata.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** Reads per-customer lists (events, touchpoints) for many customers in one query each. */
public final class OwnerQueries {

    /** The field that names a document's customer. */
    public static final String OWNER = "customerId";

    private OwnerQueries() {
    }

    /**
     * The first {@code perOwner} documents of each owner matching {@code criteria} in {@code sort} order,
     * streamed from one query and stopped as soon as every owner's page is full.
     */
    public static <T> Map<String, List<T>> firstPerOwner(MongoTemplate mongo, Class<T> type, Criteria criteria, Sort sort,
            Collection<String> ownerIds, Function<T, String> owner, int perOwner) {
        Query query = Query.query(new Criteria().andOperator(Criteria.where(OWNER).in(ownerIds), criteria)).with(sort);
        if (ownerIds.size() == 1) {
            query.limit(perOwner);
        }
        Map<String, List<T>> result = new HashMap<>();
        ownerIds.forEach(id -> result.put(id, new ArrayList<>()));
        int full = 0;
        try (var documents = mongo.stream(query, type)) {
            var iterator = documents.iterator();
            while (full < ownerIds.size() && iterator.hasNext()) {
                T document = iterator.next();
                List<T> page = result.get(owner.apply(document));
                if (page != null && page.size() < perOwner && page.add(document) && page.size() == perOwner) {
                    full++;
                }
            }
        }
        return result;
    }

    /** How many documents each owner has, in one aggregation. */
    public static Map<String, Integer> countPerOwner(MongoTemplate mongo, Class<?> type, Collection<String> ownerIds) {
        Aggregation aggregation = Aggregation.newAggregation(Aggregation.match(Criteria.where(OWNER).in(ownerIds)),
                Aggregation.group(OWNER).count().as("count"));
        Map<String, Integer> counts = new HashMap<>();
        for (Document row : mongo.aggregate(aggregation, type, Document.class).getMappedResults()) {
            counts.put(row.getString("_id"), ((Number) row.get("count")).intValue());
        }
        return counts;
    }
}
