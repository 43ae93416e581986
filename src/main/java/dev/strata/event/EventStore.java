package dev.strata.event;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes events in one unordered insert of documents built by hand as the mapper would write them (the mapping cost as
 * much as the insert); an event whose ID is already stored was recorded before.
 */
@Component
class EventStore {

    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;

    EventStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Which events are new, and the IDs of those the store refused for another reason than being known. */
    record Outcome(List<Event> inserted, Set<String> failed) {
    }

    Outcome insert(List<Event> events) {
        if (events.isEmpty()) {
            return new Outcome(List.of(), Set.of());
        }
        List<Document> documents = new ArrayList<>(events.size());
        events.forEach(event -> documents.add(EventDocuments.mapped(event)));
        List<BulkWriteError> errors;
        try {
            mongo.getCollection(EventDocuments.COLLECTION).insertMany(documents, new InsertManyOptions().ordered(false));
            return new Outcome(events, Set.of());
        } catch (MongoBulkWriteException e) {
            errors = e.getWriteErrors();
        }
        Set<Integer> known = new HashSet<>();
        Set<String> failed = new HashSet<>();
        for (BulkWriteError error : errors) {
            known.add(error.getIndex());
            if (error.getCode() != DUPLICATE_KEY) {
                failed.add(events.get(error.getIndex()).id());
            }
        }
        List<Event> inserted = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (!known.contains(i)) {
                inserted.add(events.get(i));
            }
        }
        return new Outcome(inserted, failed);
    }
}
