package dev.strata.support;

import dev.strata.store.StoredValues;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * An entity stored once through Spring Data's mapping and once as its hand-built document, each in a collection of
 * its own, and both documents as the store keeps them: the oracle for the hand-built documents of hot write paths.
 */
public record StoredBothWays(Document mapped, Document plain) {

    /** Stores both under {@code collection + "_mapped"} and {@code collection + "_plain"}; reads both back by ID. */
    public static StoredBothWays store(MongoTemplate mongo, String collection, String id, Object entity, Document plain) {
        mongo.insert(entity, collection + "_mapped");
        mongo.getCollection(collection + "_plain").insertOne(plain);
        Document byId = new Document("_id", StoredValues.id(id));
        return new StoredBothWays(mongo.getCollection(collection + "_mapped").find(byId).first(),
                mongo.getCollection(collection + "_plain").find(byId).first());
    }
}
