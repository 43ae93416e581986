package dev.strata.label;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.strata.rule.LabelKeys;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Labels by key for the rule engine. A label's key, ID and rule never change and labels are never
 * deleted, so what was found once is kept: a rule evaluation names its labels without a store round trip.
 */
@Component
class LabelKeyIndex implements LabelKeys {

    private final MongoTemplate mongo;
    private final Map<String, LabelRef> known = new ConcurrentHashMap<>();

    LabelKeyIndex(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Map<String, LabelRef> byKey(Collection<String> keys) {
        Map<String, LabelRef> found = new HashMap<>();
        List<String> missing = keys.stream().filter(key -> {
            LabelRef ref = known.get(key);
            if (ref != null) {
                found.put(key, ref);
            }
            return ref == null;
        }).toList();
        if (!missing.isEmpty()) {
            mongo.find(Query.query(Criteria.where("key").in(missing)), Label.class).forEach(label -> {
                LabelRef ref = new LabelRef(label.id(), label.kind() == LabelKind.RULE ? label.rule() : null);
                known.put(label.key(), ref);
                found.put(label.key(), ref);
            });
        }
        return found;
    }
}
