package dev.strata.card;

import java.time.Instant;
import java.util.List;

import dev.strata.graphql.BadRequestException;
import dev.strata.graphql.Connection;
import dev.strata.graphql.Paging;
import dev.strata.security.Viewers;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The RM's visitor radar: their card's visitors, newest visit first, paged by (lastVisitAt, id). */
@Service
class CardRadar {

    private final MongoTemplate mongo;

    CardRadar(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Only ever the signed-in RM's own radar: the manager comes from the token, never from an argument. */
    @PreAuthorize("hasRole('RELATIONSHIP_MANAGER')")
    Connection<CardVisitorEntry> page(Paging paging) {
        String manager = Viewers.require().managerCode();
        Criteria mine = Criteria.where("managerCode").is(manager == null ? "-" : manager);
        Criteria filter = mine;
        if (paging.after() != null) {
            int colon = paging.after().indexOf('|');
            if (colon < 0) {
                throw new BadRequestException("Malformed cursor");
            }
            Instant at;
            try {
                at = Instant.ofEpochMilli(Long.parseLong(paging.after().substring(0, colon)));
            } catch (NumberFormatException e) {
                throw new BadRequestException("Malformed cursor");
            }
            String id = paging.after().substring(colon + 1);
            filter = new Criteria().andOperator(mine, new Criteria().orOperator(Criteria.where("lastVisitAt").lt(at),
                    new Criteria().andOperator(Criteria.where("lastVisitAt").is(at), Criteria.where("_id").lt(id))));
        }
        Query query = new Query(filter).with(Sort.by(Sort.Direction.DESC, "lastVisitAt", "_id")).limit(paging.fetchSize());
        List<CardVisitorEntry> fetched = mongo.find(query, CardVisitorEntry.class);
        return Connection.of(fetched, paging, e -> e.lastVisitAt().toEpochMilli() + "|" + e.id(),
                () -> (int) mongo.count(new Query(mine), CardVisitorEntry.class));
    }
}
