package dev.strata.store;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Hands out dense integer sequences (customer {@code seq} for the audience index) in blocks, one atomic command a block. */
@Component
public class SequenceAllocator {

    private final MongoTemplate mongo;

    SequenceAllocator(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A named counter. */
    @Document("sequences")
    record Sequence(@Id String name, long value) {
    }

    /** Reserves {@code count} consecutive values of {@code name} and returns the first. */
    public long allocate(String name, int count) {
        Sequence after = mongo.findAndModify(Query.query(Criteria.where("_id").is(name)), new Update().inc("value", count),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Sequence.class);
        return after.value() - count + 1;
    }
}
