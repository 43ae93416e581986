package dev.strata.card;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.strata.customer.Customer;
import dev.strata.customer.IdentityClaims;
import dev.strata.event.SystemEvents;
import dev.strata.graphql.GlobalId;
import dev.strata.identity.IdentityResolver;
import dev.strata.identity.NewProspect;
import dev.strata.shared.CustomerSource;
import dev.strata.shared.EventTypes;
import dev.strata.shared.LifecycleStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes a batch of accepted card visits with a few store round trips for the whole batch: the visitors (and sharers)
 * resolved in one ONE_ID lookup, a new visitor created in one insert already in the card RM's book with its first
 * events on its portrait, unowned prospects adopted, leads, the card events, and the radar entries.
 */
@Component
class CardVisitWriter {

    private static final Logger log = LoggerFactory.getLogger(CardVisitWriter.class);
    private static final int RECENT_EVENTS = Customer.RecentEvent.KEPT;
    /**
     * What the batch needs of its visitors besides their ID and seq: whose book they are in and whether they are still a
     * prospect (adoption, leads). Their portraits are not read or mapped whole.
     */
    static final List<String> VISITOR_FIELDS = List.of("managerCode", "lifecycleStage");

    private final IdentityResolver identities;
    private final CardLeads leads;
    private final SystemEvents events;
    private final RadarWrites radar;

    CardVisitWriter(IdentityResolver identities, CardLeads leads, SystemEvents events, RadarWrites radar) {
        this.identities = identities;
        this.leads = leads;
        this.events = events;
        this.radar = radar;
    }

    void write(List<CardVisit> visits) {
        Map<Customer.ChannelIdentity, NewProspect> shapes = newcomers(visits);
        Set<Customer.ChannelIdentity> wanted = new LinkedHashSet<>();
        visits.forEach(v -> {
            wanted.add(v.identity());
            if (v.sharer() != null) {
                wanted.add(v.sharer());
            }
        });
        IdentityResolver.Resolution resolved = identities.resolve(wanted, i -> shapes.getOrDefault(i, NewProspect.WALK_IN),
                VISITOR_FIELDS);
        Map<String, Customer> byKey = new HashMap<>(resolved.byKey());
        adopt(visits, byKey, resolved.created());
        Map<CardVisit, Customer> visitors = new LinkedHashMap<>();
        for (CardVisit visit : visits) {
            Customer visitor = byKey.get(IdentityClaims.key(visit.identity()));
            if (visitor == null) {
                log.warn("A card visit's visitor could not be resolved; the visit is counted but not recorded on anyone");
            } else {
                visitors.put(visit, visitor);
            }
        }
        Map<CardLeads.Lead, String> matches = leads.record(leadsOf(visitors), resolved.created());
        Map<String, Customer> byId = new HashMap<>();
        visitors.values().forEach(c -> byId.put(c.id(), c));
        List<SystemEvents.SystemEvent> recorded = new ArrayList<>();
        visitors.forEach((visit, visitor) -> recorded.add(new SystemEvents.SystemEvent(visit.eventId(), visitor.id(),
                CardVisits.eventType(visit.action()), visit.at(), properties(visit, byKey))));
        events.record(recorded, byId, resolved.created());
        List<RadarWrites.Visit> onRadar = new ArrayList<>();
        visitors.forEach((visit, visitor) -> {
            CardLeads.Lead lead = lead(visit, visitor);
            onRadar.add(new RadarWrites.Visit(visit.card().managerCode(), visitor.id(), visit.action(),
                    visit.input().productCode(), visit.now(), lead == null ? null : matches.get(lead)));
        });
        radar.record(onRadar);
    }

    /**
     * How each visitor identity's prospect starts out if it is new: in the book of the first card it visited in this
     * batch, with the contact details left there, and with all of this batch's events of that identity on its portrait.
     */
    private static Map<Customer.ChannelIdentity, NewProspect> newcomers(List<CardVisit> visits) {
        Map<Customer.ChannelIdentity, List<CardVisit>> byIdentity = new LinkedHashMap<>();
        visits.forEach(v -> byIdentity.computeIfAbsent(v.identity(), i -> new ArrayList<>()).add(v));
        Map<Customer.ChannelIdentity, NewProspect> shapes = new HashMap<>();
        byIdentity.forEach((identity, mine) -> {
            BusinessCard card = mine.get(0).card();
            CardVisit contact = mine.stream().filter(v -> v.action() == CardInputs.CardAction.LEAVE_CONTACT
                    && v.card().managerCode().equals(card.managerCode())).findFirst().orElse(null);
            List<Customer.RecentEvent> recent = mine.stream()
                    .map(v -> new Customer.RecentEvent(v.eventId(), CardVisits.eventType(v.action()), null, v.at()))
                    .sorted(Comparator.comparing(Customer.RecentEvent::occurredAt).reversed()).limit(RECENT_EVENTS).toList();
            shapes.put(identity, new NewProspect(CustomerSource.OUTREACH, card.managerCode(), card.branchCode(),
                    contact == null ? null : contact.input().name().trim(),
                    contact == null ? null : contact.input().phone().trim(),
                    contact == null ? List.of() : List.of(CardLeads.consent(contact.now())), recent));
        });
        return shapes;
    }

    /** Unowned prospects found among the visitors (not created just now) join the book of the first card they visited. */
    private void adopt(List<CardVisit> visits, Map<String, Customer> byKey, Set<String> created) {
        Map<String, BusinessCard> unowned = new LinkedHashMap<>();
        for (CardVisit visit : visits) {
            Customer visitor = byKey.get(IdentityClaims.key(visit.identity()));
            if (visitor != null && visitor.managerCode() == null && visitor.lifecycleStage() == LifecycleStage.PROSPECT
                    && !created.contains(visitor.id())) {
                unowned.putIfAbsent(visitor.id(), visit.card());
            }
        }
        Map<String, Customer> adopted = leads.adoptProspects(unowned);
        byKey.replaceAll((key, customer) -> adopted.getOrDefault(customer.id(), customer));
    }

    private static List<CardLeads.Lead> leadsOf(Map<CardVisit, Customer> visitors) {
        List<CardLeads.Lead> found = new ArrayList<>();
        visitors.forEach((visit, visitor) -> {
            CardLeads.Lead lead = lead(visit, visitor);
            if (lead != null) {
                found.add(lead);
            }
        });
        return found;
    }

    private static CardLeads.Lead lead(CardVisit visit, Customer visitor) {
        return visit.action() != CardInputs.CardAction.LEAVE_CONTACT ? null : new CardLeads.Lead(visit.card(), visitor,
                visit.input().name().trim(), visit.input().phone().trim(), visit.now());
    }

    private static Map<String, String> properties(CardVisit visit, Map<String, Customer> byKey) {
        Map<String, String> properties = new HashMap<>();
        properties.put("managerCode", visit.card().managerCode());
        properties.put("channel", visit.identity().channel().name());
        if (visit.action() == CardInputs.CardAction.PRODUCT_VIEW) {
            properties.put("productCode", visit.input().productCode());
        }
        if (visit.sharer() != null) {
            Customer referrer = byKey.get(IdentityClaims.key(visit.sharer()));
            if (referrer != null) {
                properties.put(EventTypes.REFERRER, GlobalId.encode("Customer", referrer.id()));
            }
        }
        return properties;
    }
}
