package dev.strata.label;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.strata.audience.Attribute;
import dev.strata.audience.AudienceIndex;
import dev.strata.customer.CustomerLabels;
import dev.strata.customer.CustomerService;
import dev.strata.customer.CustomersChanged;
import dev.strata.rule.RuleEvaluator;
import dev.strata.rule.SegmentRule;
import org.roaringbitmap.RoaringBitmap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps RULE labels on the portraits in step with their rules (source RULE, appliedAt when the customer
 * last entered): soon after any customer changes, at once when a RULE label is created, and every
 * minute anyway, so time windows ("in the last 30 days") roll over as days pass. Counts and rules that
 * name a RULE label evaluate its rule (or reuse members kept while nothing it reads has changed), so they never wait
 * for this.
 */
@Component
class RuleLabelMaintainer {

    static final String SOURCE = "RULE";
    private static final Logger log = LoggerFactory.getLogger(RuleLabelMaintainer.class);
    private static final Duration PERIOD = Duration.ofMinutes(1);

    private final MongoTemplate mongo;
    private final RuleEvaluator evaluator;
    private final AudienceIndex index;
    private final CustomerService customers;
    private final CustomerLabels customerLabels;
    private final Clock clock;
    private final AtomicBoolean dirty = new AtomicBoolean(true);
    private volatile Instant lastPass = Instant.EPOCH;
    /** RULE labels never change once created: they are re-read only when one is created, or each minute (other instances). */
    private volatile List<Label> ruleLabels;
    private volatile Instant labelsReadAt = Instant.EPOCH;

    RuleLabelMaintainer(MongoTemplate mongo, RuleEvaluator evaluator, AudienceIndex index, CustomerService customers,
            CustomerLabels customerLabels, Clock clock) {
        this.mongo = mongo;
        this.evaluator = evaluator;
        this.index = index;
        this.customers = customers;
        this.customerLabels = customerLabels;
        this.clock = clock;
    }

    @EventListener
    void onCustomersChanged(CustomersChanged changed) {
        dirty.set(true);
    }

    @EventListener
    void onRuleLabelsChanged(RuleLabelsChanged changed) {
        ruleLabels = null;
        refresh();
    }

    @Scheduled(fixedDelayString = "${strata.labels.rule-refresh:PT1S}", initialDelayString = "${strata.labels.rule-refresh:PT1S}")
    void tick() {
        if (dirty.get() || clock.instant().isAfter(lastPass.plus(PERIOD))) {
            refresh();
        }
    }

    /** Brings every RULE label's carriers in line with its rule; returns how many customers changed. */
    synchronized int refresh() {
        dirty.set(false);
        Instant now = clock.instant();
        if (ruleLabels == null || now.isAfter(labelsReadAt.plus(PERIOD))) {
            ruleLabels = mongo.find(Query.query(Criteria.where("kind").is(LabelKind.RULE)), Label.class);
            labelsReadAt = now;
        }
        lastPass = now;
        int changed = 0;
        for (Label label : ruleLabels) {
            try {
                changed += refresh(label);
            } catch (RuntimeException e) {
                log.warn("RULE label {} not refreshed this pass", label.key(), e);
                dirty.set(true);
            }
        }
        return changed;
    }

    private int refresh(Label label) {
        RoaringBitmap members = evaluator.members(SegmentRule.hasLabel(label.key()));
        RoaringBitmap carriers = index.members(Attribute.LABEL, label.id());
        List<String> entering = customers.idsOfUnscoped(RoaringBitmap.andNot(members, carriers));
        List<String> leaving = customers.idsOfUnscoped(RoaringBitmap.andNot(carriers, members));
        int changed = 0;
        if (!entering.isEmpty()) {
            changed += customerLabels.apply(label.id(), label.key(), entering, SOURCE);
        }
        if (!leaving.isEmpty()) {
            changed += customerLabels.remove(label.id(), leaving);
        }
        return changed;
    }
}
