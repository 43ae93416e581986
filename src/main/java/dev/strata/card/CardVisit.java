package dev.strata.card;

import java.time.Instant;

import dev.strata.customer.Customer;

/**
 * One accepted visit waiting to be written: the card, what the visitor sent, who they are by channel, when it happened
 * (the believable client time) and when it was received, and the ID its event will be stored under.
 */
record CardVisit(BusinessCard card, CardInputs.RecordCardVisitInput input, Customer.ChannelIdentity identity,
        Customer.ChannelIdentity sharer, Instant at, Instant now, String eventId) {

    CardInputs.CardAction action() {
        return input.action();
    }
}
