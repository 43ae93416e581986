package dev.strata.event;

import java.util.List;

/**
 * One row of {@code trackEvents}. Everything a client could get wrong arrives loosely typed
 * (type, channel and time as strings) so that a bad value is its row's error, never the batch's.
 */
record EventInput(String customerId, Identity identity, String type, String channel, String occurredAt,
        List<Event.KeyValue> properties) {

    /** The customer's identity on a channel, when the sender knows no customer ID. */
    record Identity(String channel, String externalId) {
    }

    /** Input of {@code trackEvents}. */
    record Batch(List<EventInput> events) {
    }
}
