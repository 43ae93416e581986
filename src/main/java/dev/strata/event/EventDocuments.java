package dev.strata.event;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import dev.strata.store.StoredValues;
import org.bson.Document;

/** An event's stored document built by hand, as the mapper would write it: bulk loads skip the reflective mapping. */
final class EventDocuments {

    static final String COLLECTION = "events";

    private EventDocuments() {
    }

    /**
     * The document the mapper writes for an event, its ID included: an ID that is an ObjectId's hex form is stored as
     * that ObjectId, as Spring Data stores a {@code String} ID.
     */
    static Document mapped(Event event) {
        return of(event).append("_id", StoredValues.id(event.id()));
    }

    static Document of(Event event) {
        List<Document> properties = new ArrayList<>(event.properties().size());
        event.properties().forEach(p -> properties.add(new Document("key", p.key()).append("value", p.value())));
        Document document = new Document("_id", event.id()).append("customerId", event.customerId()).append("type", event.type());
        if (event.channel() != null) {
            document.append("channel", event.channel().name());
        }
        if (event.occurredAt() != null) {
            document.append("occurredAt", Date.from(event.occurredAt()));
        }
        document.append("properties", properties);
        if (event.recordedAt() != null) {
            document.append("recordedAt", Date.from(event.recordedAt()));
        }
        return document;
    }
}
