package dev.strata.scoring;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.strata.customer.Customer;
import dev.strata.customer.CustomerLabels;
import dev.strata.customer.CustomerWrites;
import dev.strata.event.SystemEvents;
import dev.strata.label.Label;
import dev.strata.label.LabelCategory;
import dev.strata.label.LabelService;
import dev.strata.product.ProductService;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Scores customers and writes what changed, and only that, through the customer write path: tier and its history,
 * value, lifecycle, the churn label, and the TIER_CHANGED and CHURN_RISK_HIGH events.
 */
@Component
class Rescorer {

    /** Set while this thread writes scores, so the writes' own change notices do not ask for another rescoring. */
    private static final ThreadLocal<Boolean> WRITING = ThreadLocal.withInitial(() -> false);
    private static final long CATALOGUE_NANOS = 60_000_000_000L;

    private final CustomerWrites writes;
    private final CustomerLabels labels;
    private final LabelService labelService;
    private final SystemEvents events;
    private final ProductService products;
    private final ScoringModels models;
    private final TierTimeline timeline;
    private final Clock clock;
    private final ZoneId zone;
    private volatile Catalogue catalogue;
    private volatile long catalogueAt;
    private volatile Label churnLabel;

    Rescorer(CustomerWrites writes, CustomerLabels labels, LabelService labelService, SystemEvents events,
            ProductService products, ScoringModels models, TierTimeline timeline, Clock clock,
            @Value("${strata.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.writes = writes;
        this.labels = labels;
        this.labelService = labelService;
        this.events = events;
        this.products = products;
        this.models = models;
        this.timeline = timeline;
        this.clock = clock;
        this.zone = zone;
    }

    static boolean writing() {
        return WRITING.get();
    }

    /** What one batch did: how many customers were scored and how many changed. */
    record Outcome(int scored, int changed) {
    }

    /** Scores the given stored documents (projected to {@link Facts#FIELDS}) with the model in force and writes the changes. */
    Outcome rescore(List<Document> documents) {
        return rescore(documents, models.current());
    }

    Outcome rescore(List<Document> documents, ScoringModel model) {
        String labelId = churnLabel().id();
        List<Facts> facts = new ArrayList<>(documents.size());
        for (Document document : documents) {
            Facts f = Facts.of(document, labelId);
            if (!f.merged()) {
                facts.add(f);
            }
        }
        return write(facts, model);
    }

    Outcome write(List<Facts> facts, ScoringModel model) {
        Instant now = clock.instant();
        Catalogue catalogue = catalogue();
        Map<String, Update> updates = new LinkedHashMap<>();
        List<SystemEvents.SystemEvent> recorded = new ArrayList<>();
        List<String> labelOn = new ArrayList<>();
        List<String> labelOff = new ArrayList<>();
        List<Engine.Result> tierChanges = new ArrayList<>();
        for (Facts f : facts) {
            Engine.Result result = Engine.score(f, model, now, zone, catalogue);
            if (!result.changed()) {
                continue;
            }
            Update update = update(result, now);
            if (!update.getUpdateObject().isEmpty()) {
                updates.put(f.id(), update);
            }
            if (result.tierChange() != null) {
                tierChanges.add(result);
                recorded.add(new SystemEvents.SystemEvent(f.id(), ScoringEvents.TIER_CHANGED, now, Map.of("from",
                        result.tierChange().from().name(), "to", result.tierChange().to().name(), "reason",
                        result.tierChange().reason())));
            }
            if (result.churnCrossedUp()) {
                recorded.add(new SystemEvents.SystemEvent(f.id(), ScoringEvents.CHURN_RISK_HIGH, now,
                        Map.of("churnRisk", String.valueOf(result.scores().churnRisk()))));
            }
            if (result.labelChange()) {
                (result.churnHigh() ? labelOn : labelOff).add(f.id());
            }
        }
        boolean outer = WRITING.get();
        WRITING.set(true);
        try {
            writes.updateEach(updates);
            tierChanges.forEach(r -> timeline.record(r.facts().seq(), Engine.change(r.tierChange(), now)));
            if (!labelOn.isEmpty()) {
                labels.apply(churnLabel.id(), churnLabel.key(), labelOn, "SYSTEM");
            }
            if (!labelOff.isEmpty()) {
                labels.remove(churnLabel.id(), labelOff);
            }
            events.record(recorded);
        } finally {
            WRITING.set(outer);
        }
        int changed = updates.size() + (int) labelOn.stream().filter(id -> !updates.containsKey(id)).count()
                + (int) labelOff.stream().filter(id -> !updates.containsKey(id)).count();
        return new Outcome(facts.size(), changed);
    }

    /** The store update of one result: only the fields that moved. */
    private static Update update(Engine.Result result, Instant now) {
        Update update = new Update();
        if (result.tierChange() != null) {
            update.set("tier", result.tierChange().to().name());
            update.push("tierHistory", new Document("from", result.tierChange().from().name())
                    .append("to", result.tierChange().to().name()).append("at", java.util.Date.from(now))
                    .append("reason", result.tierChange().reason()));
        }
        if (result.value() != null) {
            Customer.CustomerValue v = result.value();
            update.set("value", new Document("currentValue", v.currentValue()).append("potentialValue", v.potentialValue())
                    .append("lifetimeValue", v.lifetimeValue()).append("churnRisk", v.churnRisk())
                    .append("quadrant", v.quadrant().name()).append("scoredAt", java.util.Date.from(v.scoredAt()))
                    .append("modelVersion", v.modelVersion()));
        }
        if (result.stage() != null) {
            update.set("lifecycleStage", result.stage().name());
        }
        if (result.depositMonths() != null) {
            List<Document> months = new ArrayList<>();
            result.depositMonths().forEach(m -> months.add(new Document("month", m.month())
                    .append("avgDailyDeposit", new Decimal128(m.avgDailyDeposit()))));
            update.set("scoring.depositMonths", months);
        }
        if (result.peakProducts() != null) {
            update.set("scoring.peakProducts", result.peakProducts());
        }
        return update;
    }

    /** The catalogue, re-read at most once a minute. */
    Catalogue catalogue() {
        Catalogue known = catalogue;
        if (known == null || System.nanoTime() - catalogueAt > CATALOGUE_NANOS) {
            known = Catalogue.of(products.all());
            catalogue = known;
            catalogueAt = System.nanoTime();
        }
        return known;
    }

    /** The SYSTEM label {@code high-churn-risk}, created on first use. */
    Label churnLabel() {
        Label label = churnLabel;
        if (label == null) {
            label = labelService.systemLabel(ScoringEvents.CHURN_LABEL, "High churn risk",
                    "Churn risk at or above the scoring model's threshold; maintained by scoring", LabelCategory.RISK);
            churnLabel = label;
        }
        return label;
    }

    ZoneId zone() {
        return zone;
    }
}
