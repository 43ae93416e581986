package dev.strata.label;

import java.util.List;

import dev.strata.rule.SegmentUsers;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** RULE labels whose rules name a segment, so the segment is not deleted from under them. */
@Component
class LabelSegmentUsers implements SegmentUsers {

    private final MongoTemplate mongo;

    LabelSegmentUsers(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<String> usersOf(String segmentId) {
        return mongo.find(Query.query(Criteria.where("references").is(segmentId)), Label.class).stream()
                .map(label -> "label " + label.key()).toList();
    }
}
