package dev.strata.event;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;

/** An event's stored document built by hand, as the mapper would write it: bulk loads skip the reflective mapping. */
final class EventDocuments {

    static final String COLLECTION = "events";

    private EventDocuments() {
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
