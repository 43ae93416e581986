package dev.strata.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.strata.audience.Attribute;
import dev.strata.audience.AudienceIndex;
import dev.strata.graphql.BadRequestException;
import dev.strata.graphql.Connection;
import dev.strata.graphql.Paging;
import dev.strata.shared.Scope;
import org.roaringbitmap.PeekableIntIterator;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Pages of customers in {@code seq} order. Who is on a page comes from the audience index (bitmap
 * algebra, exact counts); only the page itself is read from MongoDB, by unique key.
 */
@Component
public class CustomerPages {

    private final MongoTemplate mongo;
    private final AudienceIndex audience;

    CustomerPages(MongoTemplate mongo, AudienceIndex audience) {
        this.mongo = mongo;
        this.audience = audience;
    }

    /** Everyone the scope lets the caller see. */
    public RoaringBitmap members(Scope scope) {
        return switch (scope.reach()) {
            case EVERYONE -> audience.everyone();
            case BRANCH -> audience.members(Attribute.BRANCH, scope.code());
            case MANAGER -> audience.members(Attribute.MANAGER, scope.code());
            case NOBODY -> new RoaringBitmap();
        };
    }

    /** Narrows {@code members} by the filter's indexed conditions (all but free-text search), in one read of the index. */
    RoaringBitmap narrow(RoaringBitmap members, CustomerFilter filter) {
        List<CustomerFilter.Condition> conditions = filter.conditions();
        if (conditions.isEmpty()) {
            return members;
        }
        return audience.read(view -> {
            RoaringBitmap result = members;
            for (CustomerFilter.Condition condition : conditions) {
                List<RoaringBitmap> anyOf = condition.anyOf().stream()
                        .map(value -> view.bitmap(condition.attribute(), value)).toList();
                RoaringBitmap matching = anyOf.size() == 1 ? anyOf.get(0) : RoaringBitmap.or(anyOf.iterator());
                result = RoaringBitmap.and(result, matching);
            }
            return result;
        });
    }

    /** One page of {@code members} after the cursor, read by {@code seq} in one query. */
    Connection<Customer> page(RoaringBitmap members, Paging paging) {
        PeekableIntIterator seqs = members.getIntIterator();
        if (paging.after() != null) {
            seqs.advanceIfNeeded(seqCursor(paging.after()) + 1);
        }
        List<Integer> wanted = new ArrayList<>(paging.fetchSize());
        while (seqs.hasNext() && wanted.size() < paging.fetchSize()) {
            wanted.add(seqs.next());
        }
        Map<Long, Customer> bySeq = mongo.find(Query.query(Criteria.where("seq").in(wanted)), Customer.class).stream()
                .collect(Collectors.toMap(Customer::seq, Function.identity()));
        List<Customer> page = wanted.stream().map(seq -> bySeq.get((long) seq)).filter(c -> c != null).toList();
        return Connection.of(page, paging, c -> String.valueOf(c.seq()), members::getCardinality);
    }

    /** Free-text search cannot use bitmaps: it reads MongoDB within the scope, in the same {@code seq} order. */
    Connection<Customer> search(Criteria criteria, Paging paging) {
        Criteria live = new Criteria().andOperator(criteria, Criteria.where("mergedInto").is(null));
        Criteria range = paging.after() == null ? live
                : new Criteria().andOperator(live, Criteria.where("seq").gt(seqCursor(paging.after())));
        List<Customer> found = mongo.find(Query.query(range).with(Sort.by("seq")).limit(paging.fetchSize()), Customer.class);
        return Connection.of(found, paging, c -> String.valueOf(c.seq()), () -> (int) mongo.count(Query.query(live), Customer.class));
    }

    private static int seqCursor(String after) {
        try {
            return Integer.parseInt(after);
        } catch (NumberFormatException e) {
            throw new BadRequestException("Malformed cursor");
        }
    }
}
