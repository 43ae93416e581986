package dev.strata.card;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.strata.customer.Customer;
import dev.strata.customer.IdentityClaims;
import dev.strata.event.SystemEvents;
import dev.strata.graphql.GlobalId;
import dev.strata.identity.IdentityResolver;
import dev.strata.shared.EventTypes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The public {@code recordCardVisit}: throttles, finds the card, makes the visitor one person (ONE_ID: a known
 * identity is that customer, an unknown one a PROSPECT in the RM's book), records the card event on them, and keeps
 * the radar, the card's counters, leads and referrals right.
 */
@Service
class CardVisits {

    static final String RATE_LIMITED = "RATE_LIMITED";
    /** Client times further than this from the server's are not believed. */
    private static final Duration CLIENT_SKEW = Duration.ofHours(24);

    private final CardService cards;
    private final CardRateLimiter limiter;
    private final IdentityResolver identities;
    private final CardLeads leads;
    private final SystemEvents events;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final ZoneId zone;
    private final CardCounters counters;
    private final RadarView radarView;

    CardVisits(CardService cards, CardRateLimiter limiter, IdentityResolver identities, CardLeads leads,
            SystemEvents events, MongoTemplate mongo, Clock clock, @Value("${strata.time-zone:Asia/Shanghai}") ZoneId zone,
            CardCounters counters, RadarView radarView) {
        this.counters = counters;
        this.radarView = radarView;
        this.cards = cards;
        this.limiter = limiter;
        this.identities = identities;
        this.leads = leads;
        this.events = events;
        this.mongo = mongo;
        this.clock = clock;
        this.zone = zone;
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
        BusinessCard card = cards.bySlug(input.slug());
        if (card == null) {
            return CardInputs.RecordCardVisitPayload.refused(VisitValidation.NO_CARD);
        }
        if (input.action() == CardInputs.CardAction.PRODUCT_VIEW
                && !card.featuredProductCodes().contains(input.productCode())) {
            return CardInputs.RecordCardVisitPayload.refused(dev.strata.graphql.UserError.invalid(
                    "productCode must be a product featured on this card", "productCode"));
        }
        Instant now = clock.instant();
        Instant at = believable(input.clientTime(), now);
        Customer.ChannelIdentity identity = visitorIdentity(input);
        counters.count(card.managerCode(), LocalDate.ofInstant(now, zone), input.action() == CardInputs.CardAction.LEAVE_CONTACT);
        if (identity == null) {
            return new CardInputs.RecordCardVisitPayload(true, List.of());
        }
        Customer visitor = visitor(identity, card);
        String possibleMatch = null;
        if (input.action() == CardInputs.CardAction.LEAVE_CONTACT) {
            possibleMatch = leads.lead(card, visitor, input.name().trim(), input.phone().trim(), now);
        }
        events.record(List.of(new SystemEvents.SystemEvent(visitor.id(), eventType(input.action()), at,
                properties(input, card, identity))), Map.of(visitor.id(), visitor));
        radar(card, visitor, input, now, possibleMatch);
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

    /** The one customer behind the identity; a brand-new one becomes an OUTREACH prospect in the card RM's book. */
    private Customer visitor(Customer.ChannelIdentity identity, BusinessCard card) {
        Customer customer = identities.resolve(List.of(identity)).get(IdentityClaims.key(identity));
        if (customer.managerCode() == null && customer.lifecycleStage() == dev.strata.shared.LifecycleStage.PROSPECT) {
            leads.adoptProspect(customer.id(), card);
            return leads.reload(customer.id(), customer);
        }
        return customer;
    }

    private Map<String, String> properties(CardInputs.RecordCardVisitInput input, BusinessCard card,
            Customer.ChannelIdentity identity) {
        Map<String, String> properties = new HashMap<>();
        properties.put("managerCode", card.managerCode());
        properties.put("channel", identity.channel().name());
        if (input.action() == CardInputs.CardAction.PRODUCT_VIEW) {
            properties.put("productCode", input.productCode());
        }
        if (input.action() == CardInputs.CardAction.SHARE && input.sharer() != null) {
            Customer.ChannelIdentity sharer = input.sharer().toIdentity();
            Customer referrer = identities.resolve(List.of(sharer)).get(IdentityClaims.key(sharer));
            if (referrer != null) {
                properties.put(EventTypes.REFERRER, GlobalId.encode("Customer", referrer.id()));
            }
        }
        return properties;
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

    private void radar(BusinessCard card, Customer visitor, CardInputs.RecordCardVisitInput input, Instant now,
            String possibleMatch) {
        Update update = new Update().inc("visits", 1).max("lastVisitAt", now).min("firstVisitAt", now)
                .setOnInsert("managerCode", card.managerCode()).setOnInsert("customerId", visitor.id());
        switch (input.action()) {
            case VIEW -> update.inc("views", 1);
            case PRODUCT_VIEW -> update.inc("productViews", 1).addToSet("productCodes", input.productCode());
            case CALL_TAP -> update.inc("callTaps", 1);
            case SHARE -> update.inc("shares", 1);
            case LEAVE_CONTACT -> {
                update.inc("contacts", 1).set("leftContact", true);
                if (possibleMatch != null) {
                    update.set("possibleMatchId", possibleMatch);
                }
            }
        }
        radarView.stored(mongo.findAndModify(Query.query(Criteria.where("_id").is(CardVisitorEntry.key(card.managerCode(),
                visitor.id()))), update, FindAndModifyOptions.options().upsert(true).returnNew(true), CardVisitorEntry.class));
    }

    private static Instant believable(Instant clientTime, Instant now) {
        if (clientTime == null || Duration.between(clientTime, now).abs().compareTo(CLIENT_SKEW) > 0) {
            return now;
        }
        return clientTime;
    }
}
