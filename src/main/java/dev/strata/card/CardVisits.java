package dev.strata.card;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import dev.strata.customer.Customer;
import dev.strata.event.SystemEvents;
import dev.strata.shared.EventTypes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The public {@code recordCardVisit}: throttles, finds the card, counts the visit, and hands it to the batch writer
 * (group commit) that makes the visitor one person (ONE_ID: a known identity is that customer, an unknown one a
 * PROSPECT in the RM's book), records the card event on them, and keeps the radar, leads and referrals right. The call
 * answers once its visit is written.
 */
@Service
class CardVisits {

    static final String RATE_LIMITED = "RATE_LIMITED";
    /** Client times further than this from the server's are not believed. */
    private static final Duration CLIENT_SKEW = Duration.ofHours(24);
    /** Visits written together at most: bounds a batch's {@code $in} lookups and its latency. */
    private static final int MAX_BATCH = 200;

    private final CardsBySlug cards;
    private final CardRateLimiter limiter;
    private final Clock clock;
    private final ZoneId zone;
    private final CardCounters counters;
    private final GroupCommit<CardVisit> writes;

    CardVisits(CardsBySlug cards, CardRateLimiter limiter, CardVisitWriter writer, Clock clock,
            @Value("${strata.time-zone:Asia/Shanghai}") ZoneId zone, CardCounters counters) {
        this.cards = cards;
        this.limiter = limiter;
        this.clock = clock;
        this.zone = zone;
        this.counters = counters;
        this.writes = new GroupCommit<>(MAX_BATCH, writer::write);
    }

    CardInputs.RecordCardVisitPayload record(CardInputs.RecordCardVisitInput input, String clientAddress) {
        var invalid = VisitValidation.check(input);
        if (invalid != null) {
            return CardInputs.RecordCardVisitPayload.refused(invalid);
        }
        if (!limiter.tryAcquire(clientAddress, input.slug())) {
            return CardInputs.RecordCardVisitPayload.refused(dev.strata.graphql.UserError.of(RATE_LIMITED,
                    "too many requests; try again in a minute"));
        }
        BusinessCard card = cards.get(input.slug());
        if (card == null) {
            return CardInputs.RecordCardVisitPayload.refused(VisitValidation.NO_CARD);
        }
        if (input.action() == CardInputs.CardAction.PRODUCT_VIEW
                && !card.featuredProductCodes().contains(input.productCode())) {
            return CardInputs.RecordCardVisitPayload.refused(dev.strata.graphql.UserError.invalid(
                    "productCode must be a product featured on this card", "productCode"));
        }
        Instant now = clock.instant();
        Customer.ChannelIdentity identity = visitorIdentity(input);
        counters.count(card.managerCode(), LocalDate.ofInstant(now, zone), input.action() == CardInputs.CardAction.LEAVE_CONTACT);
        if (identity != null) {
            Customer.ChannelIdentity sharer = input.action() == CardInputs.CardAction.SHARE && input.sharer() != null
                    ? input.sharer().toIdentity() : null;
            writes.submit(new CardVisit(card, input, identity, sharer, believable(input.clientTime(), now), now,
                    SystemEvents.newId()));
        }
        return new CardInputs.RecordCardVisitPayload(true, List.of());
    }

    /** The visitor's identity; a contact left without one is known by the number they left (the same number, the same person). */
    private static Customer.ChannelIdentity visitorIdentity(CardInputs.RecordCardVisitInput input) {
        if (input.identity() != null) {
            return input.identity().toIdentity();
        }
        if (input.action() == CardInputs.CardAction.LEAVE_CONTACT) {
            return new Customer.ChannelIdentity(dev.strata.shared.Channel.WEB, CardLeads.phoneIdentity(input.phone().trim()));
        }
        return null;
    }

    static String eventType(CardInputs.CardAction action) {
        return switch (action) {
            case VIEW -> EventTypes.VIEW_CARD;
            case PRODUCT_VIEW -> EventTypes.CARD_PRODUCT_VIEW;
            case CALL_TAP -> EventTypes.CARD_CALL_TAP;
            case SHARE -> EventTypes.SHARE;
            case LEAVE_CONTACT -> EventTypes.CARD_LEAVE_CONTACT;
        };
    }

    private static Instant believable(Instant clientTime, Instant now) {
        if (clientTime == null || Duration.between(clientTime, now).abs().compareTo(CLIENT_SKEW) > 0) {
            return now;
        }
        return clientTime;
    }
}
