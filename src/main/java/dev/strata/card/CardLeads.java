package dev.strata.card;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.strata.customer.Customer;
import dev.strata.customer.CustomerWrites;
import dev.strata.customer.LiveCustomers;
import dev.strata.customer.PhoneHolders;
import dev.strata.shared.Channel;
import dev.strata.shared.CustomerSource;
import dev.strata.shared.LifecycleStage;
import dev.strata.task.TaskService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Strangers become the RM's: a visitor's unowned prospect joins the card RM's book (source OUTREACH), and contact
 * details left on the card make a lead with a follow-up task. A lead whose number an existing customer of the book has
 * is not merged: the radar names that customer so the RM can confirm with {@code mergeCustomers}. Works on a batch of
 * visits at a time, one store write of each kind per batch.
 */
@Component
class CardLeads {

    static final Duration FOLLOW_UP_WITHIN = Duration.ofDays(1);

    private final CustomerWrites writes;
    private final LiveCustomers live;
    private final TaskService tasks;
    private final PhoneHolders phones;
    private final ZoneId zone;

    CardLeads(CustomerWrites writes, LiveCustomers live, TaskService tasks, PhoneHolders phones,
            @Value("${strata.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.writes = writes;
        this.live = live;
        this.tasks = tasks;
        this.phones = phones;
        this.zone = zone;
    }

    /**
     * Puts unowned prospects in the book of the card they visited first; a racing visit of the same person does it once.
     * Returns the adopted customers as they are now, by ID, read with the fields a visit batch needs (the others are left out).
     */
    Map<String, Customer> adoptProspects(Map<String, BusinessCard> cardByProspect) {
        if (cardByProspect.isEmpty()) {
            return Map.of();
        }
        Map<String, Update> updates = new LinkedHashMap<>();
        Map<String, Criteria> unowned = new HashMap<>();
        cardByProspect.forEach((id, card) -> {
            updates.put(id, new Update().set("managerCode", card.managerCode()).set("branchCode", card.branchCode())
                    .set("source", CustomerSource.OUTREACH));
            unowned.put(id, Criteria.where("managerCode").is(null).and("lifecycleStage").is(LifecycleStage.PROSPECT));
        });
        writes.updateEachIf(updates, unowned);
        return live.resolveUnscoped(cardByProspect.keySet(), CardVisitWriter.VISITOR_FIELDS);
    }

    /** A contact left on a card: by whom (the visitor as resolved), on which card, with what name and number. */
    record Lead(BusinessCard card, Customer visitor, String name, String phone, Instant at) {
    }

    /**
     * Records the leads for their cards' RMs; returns, per lead that has one, the ID of a customer of the RM's book with
     * the same number (to confirm). Only a visitor in the RM's own book gets details stored and a task: another RM's
     * customer stays theirs. Visitors in {@code detailsWritten} were created with the details already.
     */
    Map<Lead, String> record(List<Lead> leads, Set<String> detailsWritten) {
        List<Lead> mine = leads.stream().filter(l -> l.card().managerCode().equals(l.visitor().managerCode())).toList();
        if (mine.isEmpty()) {
            return Map.of();
        }
        Map<String, Update> details = new LinkedHashMap<>();
        for (Lead lead : mine) {
            if (lead.visitor().lifecycleStage() == LifecycleStage.PROSPECT && !detailsWritten.contains(lead.visitor().id())) {
                details.put(lead.visitor().id(), new Update().set("name", lead.name()).set("phone", lead.phone())
                        .set("consents", List.of(consent(lead.at()))));
            }
        }
        writes.updateEach(details);
        Map<Lead, String> matches = matches(mine);
        List<TaskService.NewTask> followUps = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        for (Lead lead : mine) {
            LocalDate today = LocalDate.ofInstant(lead.at(), zone);
            String key = "card-lead:" + lead.card().managerCode() + ":" + lead.visitor().id() + ":" + today;
            if (keys.add(key)) {
                followUps.add(new TaskService.NewTask(key, lead.visitor().id(), lead.card().managerCode(),
                        "名片留资：联系 " + lead.name(), null, lead.at().plus(FOLLOW_UP_WITHIN)));
            }
        }
        tasks.createAll(followUps);
        return matches;
    }

    /** The consent a contact left on the card grants: to be called. */
    static Customer.Consent consent(Instant at) {
        return new Customer.Consent(Channel.PHONE_CALL, true, at);
    }

    /** Each lead's same-number customer in its RM's book (not the visitor, not merged away), by key for the batch. */
    private Map<Lead, String> matches(List<Lead> leads) {
        Set<PhoneHolders.Held> wanted = new LinkedHashSet<>();
        leads.forEach(lead -> wanted.add(held(lead)));
        Map<PhoneHolders.Held, List<String>> holders = phones.holders(wanted);
        Map<Lead, String> matches = new HashMap<>();
        for (Lead lead : leads) {
            holders.getOrDefault(held(lead), List.of()).stream().filter(id -> !lead.visitor().id().equals(id)).findFirst()
                    .ifPresent(id -> matches.put(lead, id));
        }
        return matches;
    }

    private static PhoneHolders.Held held(Lead lead) {
        return new PhoneHolders.Held(lead.card().managerCode(), lead.phone());
    }

    /** The identity of a visitor known only by the number they left: a digest, so the number is not an identifier in clear. */
    static String phoneIdentity(String phone) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("card-lead|" + phone).getBytes(StandardCharsets.UTF_8));
            return "card-lead:" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
