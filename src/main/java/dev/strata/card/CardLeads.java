package dev.strata.card;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;

import dev.strata.customer.Customer;
import dev.strata.customer.CustomerWrites;
import dev.strata.customer.LiveCustomers;
import dev.strata.shared.Channel;
import dev.strata.shared.CustomerSource;
import dev.strata.shared.LifecycleStage;
import dev.strata.task.TaskService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Strangers become the RM's: a new visitor's prospect joins the card RM's book (source OUTREACH), and contact details
 * left on the card make a lead with a follow-up task. A lead whose number an existing customer of the book has is
 * not merged: the radar names that customer so the RM can confirm with {@code mergeCustomers}.
 */
@Component
class CardLeads {

    static final Duration FOLLOW_UP_WITHIN = Duration.ofDays(1);

    private final CustomerWrites writes;
    private final LiveCustomers live;
    private final TaskService tasks;
    private final MongoTemplate mongo;
    private final ZoneId zone;

    CardLeads(CustomerWrites writes, LiveCustomers live, TaskService tasks, MongoTemplate mongo,
            @Value("${strata.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.writes = writes;
        this.live = live;
        this.tasks = tasks;
        this.mongo = mongo;
        this.zone = zone;
    }

    /** Puts an unowned prospect in the card RM's book; a racing visit of the same person does it once. */
    void adoptProspect(String customerId, BusinessCard card) {
        writes.updateIf(customerId, Criteria.where("managerCode").is(null).and("lifecycleStage").is(LifecycleStage.PROSPECT),
                new Update().set("managerCode", card.managerCode()).set("branchCode", card.branchCode())
                        .set("source", CustomerSource.OUTREACH));
    }

    Customer reload(String customerId, Customer fallback) {
        Customer customer = live.resolveUnscoped(customerId);
        return customer == null ? fallback : customer;
    }

    /**
     * Records a lead for the card's RM; returns the ID of a customer of their book with the same number (to confirm),
     * or null. Only a visitor in the RM's own book gets details stored and a task: another RM's customer stays theirs.
     */
    String lead(BusinessCard card, Customer visitor, String name, String phone, Instant now) {
        if (!card.managerCode().equals(visitor.managerCode())) {
            return null;
        }
        if (visitor.lifecycleStage() == LifecycleStage.PROSPECT) {
            writes.update(visitor.id(), new Update().set("name", name).set("phone", phone)
                    .set("consents", List.of(new Customer.Consent(Channel.PHONE_CALL, true, now))));
        }
        Customer match = mongo.findOne(Query.query(Criteria.where("phone").is(phone).and("managerCode")
                .is(card.managerCode()).and("_id").ne(visitor.id()).and("mergedInto").exists(false)), Customer.class);
        LocalDate today = LocalDate.ofInstant(now, zone);
        tasks.createAll(List.of(new TaskService.NewTask("card-lead:" + card.managerCode() + ":" + visitor.id() + ":" + today,
                visitor.id(), card.managerCode(), "名片留资：联系 " + name, null, now.plus(FOLLOW_UP_WITHIN))));
        return match == null ? null : match.id();
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
