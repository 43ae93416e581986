package dev.strata.segment;

import java.util.List;
import java.util.Optional;

import dev.strata.rule.SegmentRule;
import dev.strata.rule.SegmentRules;
import dev.strata.rule.SegmentUsers;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Segments as the rule engine sees them: rules by ID (for {@code inSegment}) and which segments name a segment. */
@Component
class StoredSegments implements SegmentRules, SegmentUsers {

    private final MongoTemplate mongo;

    StoredSegments(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<SegmentRule> ruleOf(String segmentId) {
        Query query = Query.query(Criteria.where("_id").is(segmentId));
        query.fields().include("rule");
        return Optional.ofNullable(mongo.findOne(query, Segment.class)).map(Segment::rule);
    }

    @Override
    public List<String> usersOf(String segmentId) {
        return mongo.find(Query.query(Criteria.where("references").is(segmentId)), Segment.class).stream()
                .map(segment -> "segment " + segment.name()).toList();
    }
}
