package dev.strata.event;

import java.time.Instant;
import java.util.List;

import dev.strata.customer.Customer;
import dev.strata.shared.Channel;
import dev.strata.graphql.NodeEntity;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Something a customer did on a channel. The ID is a digest of the event's content, so the same
 * event sent twice is stored once. The timeline index serves real MongoDB; the embedded store scans. recordedAt is
 * indexed for the audience index's catch-up from other instances.
 */
@Document("events")
@CompoundIndex(name = "customer_timeline", def = "{'customerId': 1, 'occurredAt': -1, '_id': -1}")
public record Event(@Id String id, String customerId, String type, Channel channel, Instant occurredAt,
        List<KeyValue> properties, @Indexed Instant recordedAt) implements NodeEntity {

    public Event {
        properties = properties == null ? List.of() : properties;
    }

    /** This event as the portrait carries it among the customer's latest. */
    public Customer.RecentEvent onPortrait() {
        return new Customer.RecentEvent(id, type, channel, occurredAt);
    }

    /** One free-form property of an event, e.g. {@code productCode} or {@code referrer}. */
    public record KeyValue(String key, String value) {
    }

    /** The value of property {@code key}, or null. */
    public String property(String key) {
        return properties.stream().filter(p -> p.key().equals(key)).map(KeyValue::value).findFirst().orElse(null);
    }
}
