package dev.strata.graphql;

import java.util.List;

import dev.strata.graphql.NodeEntity;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** Relay pages over a collection by keyset on {@code _id}: every page is an index range, never a skip. */
public final class KeysetPages {

    private KeysetPages() {
    }

    public static <T extends NodeEntity> Connection<T> page(MongoTemplate mongo, Class<T> type, Criteria filter,
            Paging paging, Sort.Direction direction) {
        Criteria criteria = filter;
        if (paging.after() != null) {
            Criteria range = direction == Sort.Direction.ASC
                    ? Criteria.where("_id").gt(paging.after())
                    : Criteria.where("_id").lt(paging.after());
            criteria = new Criteria().andOperator(filter, range);
        }
        Query query = new Query(criteria).with(Sort.by(direction, "_id")).limit(paging.fetchSize());
        List<T> fetched = mongo.find(query, type);
        return Connection.of(fetched, paging, NodeEntity::id, () -> (int) mongo.count(new Query(filter), type));
    }
}
