package dev.strata.label;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Labels by ID, each read from the store once. A label is never updated nor deleted once inserted (see
 * {@link LabelService}), so a label found once is that label for good, on every instance; an ID not found is
 * asked again next time, so a label another instance has just inserted is found. A page of portraits names its
 * labels without a store round trip. Bounded: when full it starts over.
 */
@Component
class KnownLabels {

    static final int CAPACITY = 10_000;

    private final MongoTemplate mongo;
    private final Map<String, Label> known = new ConcurrentHashMap<>();

    KnownLabels(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Those of the labels with these IDs that exist, each once, in no particular order. */
    List<Label> findAll(Collection<String> ids) {
        List<Label> found = new ArrayList<>(ids.size());
        List<String> missing = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            Label label = id == null ? null : known.get(id);
            if (label != null) {
                found.add(label);
            } else if (id != null) {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            List<Label> read = mongo.find(Query.query(Criteria.where("_id").in(missing)), Label.class);
            if (known.size() + read.size() > CAPACITY) {
                known.clear();
            }
            read.forEach(label -> known.put(label.id(), label));
            found.addAll(read);
        }
        return found;
    }
}
