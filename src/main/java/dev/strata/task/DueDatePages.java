package dev.strata.task;

import java.time.Instant;
import java.util.List;

import dev.strata.graphql.BadRequestException;
import dev.strata.graphql.Connection;
import dev.strata.graphql.Paging;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** Task lists soonest due first: pages by keyset on (dueAt, _id), cursor {@code epochMillis|id}, so a page never skips. */
final class DueDatePages {

    private DueDatePages() {
    }

    static Connection<Task> page(MongoTemplate mongo, Criteria filter, Paging paging) {
        Criteria criteria = filter;
        if (paging.after() != null) {
            int bar = paging.after().indexOf('|');
            Instant due;
            try {
                due = Instant.ofEpochMilli(Long.parseLong(paging.after().substring(0, Math.max(bar, 0))));
            } catch (NumberFormatException e) {
                throw new BadRequestException("Malformed cursor");
            }
            String id = paging.after().substring(bar + 1);
            criteria = new Criteria().andOperator(filter, new Criteria().orOperator(Criteria.where("dueAt").gt(due),
                    new Criteria().andOperator(Criteria.where("dueAt").is(due), Criteria.where("_id").gt(id))));
        }
        Query query = new Query(criteria).with(Sort.by(Sort.Direction.ASC, "dueAt", "_id")).limit(paging.fetchSize());
        List<Task> fetched = mongo.find(query, Task.class);
        return Connection.of(fetched, paging, t -> t.dueAt().toEpochMilli() + "|" + t.id(),
                () -> (int) mongo.count(new Query(filter), Task.class));
    }
}
