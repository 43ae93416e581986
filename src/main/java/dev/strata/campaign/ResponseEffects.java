package dev.strata.campaign;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.strata.customer.Customer;
import dev.strata.customer.CustomerLabels;
import dev.strata.customer.CustomerWrites;
import dev.strata.customer.LiveCustomers;
import dev.strata.label.Label;
import dev.strata.label.LabelCategory;
import dev.strata.label.LabelService;
import dev.strata.shared.Channel;
import dev.strata.touchpoint.Touchpoint;
import dev.strata.touchpoint.TouchpointStatus;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * What a customer's response teaches and wakes: the preferred channel follows the channel they answer on,
 * answering on WeChat earns the SYSTEM label {@code wechat-habit}, an unsubscribe withdraws that channel's
 * consent, a conversion counts once per enrollment, and a waiting enrollment moves on at once.
 */
@Component
class ResponseEffects {

    static final String WECHAT_HABIT = "wechat-habit";

    private final MongoTemplate mongo;
    private final CustomerWrites writes;
    private final CustomerLabels labels;
    private final LabelService labelService;
    private final LiveCustomers live;
    private final StatsCounters stats;
    private final Schedule schedule;
    private final StepClaims claims;

    ResponseEffects(MongoTemplate mongo, CustomerWrites writes, CustomerLabels labels, LabelService labelService,
            LiveCustomers live, StatsCounters stats, Schedule schedule, StepClaims claims) {
        this.mongo = mongo;
        this.writes = writes;
        this.labels = labels;
        this.labelService = labelService;
        this.live = live;
        this.stats = stats;
        this.schedule = schedule;
        this.claims = claims;
    }

    void unsubscribed(Touchpoint touchpoint) {
        Customer customer = live.resolveUnscoped(touchpoint.customerId());
        if (customer == null) {
            return;
        }
        List<Customer.Consent> consents = new ArrayList<>(customer.consents().stream()
                .filter(c -> c.channel() != touchpoint.channel()).toList());
        consents.add(new Customer.Consent(touchpoint.channel(), false, touchpoint.createdAt()));
        writes.update(customer.id(), new Update().set("consents", consents));
    }

    void responded(Touchpoint touchpoint, ResponseKind kind, Instant now) {
        int rank = StatsCounters.rank(kind.status());
        if (rank >= StatsCounters.rank(TouchpointStatus.OPENED)) {
            learn(touchpoint.customerId(), touchpoint.channel());
        }
        if (touchpoint.enrollmentId() == null) {
            return;
        }
        if (kind == ResponseKind.CONVERTED) {
            converted(touchpoint.enrollmentId(), touchpoint.campaignId());
        }
        Enrollment before = mongo.findAndModify(Query.query(Criteria.where("_id").is(touchpoint.enrollmentId())
                        .and("responseRank").lt(rank)),
                new Update().set("responseRank", rank).set("responseChannel", touchpoint.channel()), Enrollment.class);
        if (before != null && before.state() == Enrollment.State.WAITING_RESPONSE
                && claims.claim(StepClaims.key(before.id(), before.stepSeq()))) {
            long seq = before.stepSeq() + 1;
            mongo.updateFirst(Query.query(Criteria.where("_id").is(before.id())),
                    new Update().set("stepSeq", seq).set("dueAt", now).set("state", Enrollment.State.ACTIVE), Enrollment.class);
            schedule.add(List.of(new Schedule.Entry(before.id(), before.customerId(), seq, now)));
        }
    }

    /** A conversion (a response or a goal event) counts once per enrollment, in the treated or the control group. */
    void converted(String enrollmentId, String campaignId) {
        Enrollment before = mongo.findAndModify(Query.query(Criteria.where("_id").is(enrollmentId).and("converted").is(false)),
                new Update().set("converted", true), Enrollment.class);
        if (before != null) {
            stats.apply(campaignId, StatsCounters.increments().add(before.control() ? "controlConverted"
                    : "convertedCustomers", 1));
        }
    }

    private void learn(String customerId, Channel channel) {
        writes.updateIf(customerId, Criteria.where("preferredChannel").ne(channel),
                new Update().set("preferredChannel", channel));
        if (channel == Channel.WECHAT) {
            Label label = labelService.systemLabel(WECHAT_HABIT, "WeChat habit", "Answers on WeChat: reach them there first", LabelCategory.MARKETING);
            labels.apply(label.id(), label.key(), List.of(customerId), "SYSTEM");
        }
    }
}
