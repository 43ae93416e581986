package dev.strata.scoring;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import dev.strata.customer.CustomerLabels;
import dev.strata.customer.CustomerWrites;
import dev.strata.customer.ProjectedCustomers;
import dev.strata.event.Event;
import dev.strata.event.SystemEvents;
import dev.strata.label.Label;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Scores customers and writes what changed, and only that, through the customer write path: tier and its history,
 * value, lifecycle, the churn label, and the TIER_CHANGED and CHURN_RISK_HIGH events.
 */
@Component
class Rescorer {

    /** Set while this thread writes scores, so the writes' own change notices do not ask for another rescoring. */
    private static final ThreadLocal<Boolean> WRITING = ThreadLocal.withInitial(() -> false);
    private static final Logger log = LoggerFactory.getLogger(Rescorer.class);

    private final CustomerWrites writes;
    private final ProjectedCustomers customers;
    private final CustomerLabels labels;
    private final ScoringReferences references;
    private final SystemEvents events;
    private final ScoringModels models;
    private final TierTimeline timeline;
    private final Clock clock;
    private final ZoneId zone;

    Rescorer(CustomerWrites writes, ProjectedCustomers customers, CustomerLabels labels, ScoringReferences references,
            SystemEvents events, ScoringModels models, TierTimeline timeline, Clock clock,
            @Value("${strata.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.writes = writes;
        this.customers = customers;
        this.labels = labels;
        this.references = references;
        this.events = events;
        this.models = models;
        this.timeline = timeline;
        this.clock = clock;
        this.zone = zone;
    }

    static boolean writing() {
        return WRITING.get();
    }

    ScoringModel model() {
        return models.current();
    }

    Clock clock() {
        return clock;
    }

    /** What one batch did: how many customers were scored and how many changed. */
    record Outcome(int scored, int changed) {
    }

    /** Scores the given stored documents (projected to {@link Facts#FIELDS}) with the model in force and writes the changes. */
    Outcome rescore(List<Document> documents) {
        return documents.isEmpty() ? new Outcome(0, 0) : rescore(documents, models.current());
    }

    /**
     * Scores and writes; customers whose tier another writer moved between the read and the write are read again and
     * rescored once (a second loss is left to the next run).
     */
    Outcome rescore(List<Document> documents, ScoringModel model) {
        Written first = write(facts(documents), model);
        if (first.lost().isEmpty()) {
            return first.outcome();
        }
        Written retry = write(facts(customers.byIds(first.lost(), Facts.FIELDS)), model);
        if (!retry.lost().isEmpty()) {
            log.info("{} customers changed tier under two rescorings in a row; the next run rescores them", retry.lost().size());
        }
        return new Outcome(first.outcome().scored(), first.outcome().changed() + retry.outcome().changed());
    }

    private List<Facts> facts(List<Document> documents) {
        String labelId = churnLabel().id();
        List<Facts> facts = new ArrayList<>(documents.size());
        for (Document document : documents) {
            Facts f = Facts.of(document, labelId);
            if (!f.merged()) {
                facts.add(f);
            }
        }
        return facts;
    }

    /** What one write did, and the customers whose guarded tier change did not apply. */
    record Written(Outcome outcome, List<String> lost) {
    }

    Written write(List<Facts> facts, ScoringModel model) {
        Instant now = clock.instant();
        String writeId = new ObjectId().toHexString();
        Catalogue catalogue = catalogue();
        Map<String, Update> plain = new LinkedHashMap<>();
        Map<String, Update> guarded = new LinkedHashMap<>();
        Map<String, Criteria> guards = new HashMap<>();
        Map<String, Engine.Result> results = new LinkedHashMap<>();
        Map<String, List<Event>> shown = new HashMap<>();
        for (Facts f : facts) {
            Engine.Result result = Engine.score(f, model, now, zone, catalogue);
            if (!result.changed()) {
                continue;
            }
            results.put(f.id(), result);
            // The tier change and churn alert go on the portrait in the same write as the scores.
            List<Event> planned = plan(result, now);
            Update update = SystemEvents.showOnPortrait(ScoreUpdates.update(result, now, writeId), planned);
            shown.put(f.id(), planned);
            if (result.tierChange() != null) {
                guarded.put(f.id(), update);
                guards.put(f.id(), ScoreUpdates.guard(f));
            } else if (!update.getUpdateObject().isEmpty()) {
                plain.put(f.id(), update);
            }
        }
        return asScoring(() -> {
            writes.updateEach(plain);
            Set<String> lost = guarded.isEmpty() || writes.updateEachIf(guarded, guards) == guarded.size() ? Set.of()
                    : lost(guarded.keySet(), writeId);
            return new Written(settle(facts.size(), results, shown, lost, now), List.copyOf(lost));
        });
    }

    /** Runs {@code work} as scoring's own writing, whose change notices ask for no further rescoring. */
    static <T> T asScoring(Supplier<T> work) {
        boolean outer = WRITING.get();
        WRITING.set(true);
        try {
            return work.get();
        } finally {
            WRITING.set(outer);
        }
    }

    /** The events a result records (tier change, churn alert), with their IDs, to show on the portrait in its write. */
    List<Event> plan(Engine.Result result, Instant now) {
        return events.plan(systemEvents(result.facts().id(), result, now));
    }

    /**
     * What follows a write of scores, leaving out the customers whose write did not apply: the timeline, the churn
     * label, and the events the write showed on the portraits, now stored, indexed and announced.
     */
    Outcome settle(int scored, Map<String, Engine.Result> results, Map<String, List<Event>> shown, Set<String> lost,
            Instant now) {
        Outcome outcome = after(scored, results, lost, now);
        List<Event> applied = new ArrayList<>();
        Map<String, Long> seqs = new HashMap<>();
        shown.forEach((id, planned) -> {
            if (!lost.contains(id) && !planned.isEmpty()) {
                applied.addAll(planned);
                seqs.put(id, results.get(id).facts().seq());
            }
        });
        events.recordShown(applied, seqs);
        return outcome;
    }

    /** Of the guarded tier changes, those the store did not apply (another writer moved the tier first). */
    private Set<String> lost(Set<String> ids, String writeId) {
        Set<String> lost = new HashSet<>(ids);
        for (Document stored : customers.byIds(ids, List.of("tierHistory"))) {
            String id = stored.get("_id").toString();
            if (ScoreUpdates.applied(stored, writeId)) {
                lost.remove(id);
            }
        }
        return lost;
    }

    /** The events a result records on its customer: a tier change, a churn-risk alert crossing up. */
    private static List<SystemEvents.SystemEvent> systemEvents(String id, Engine.Result result, Instant now) {
        List<SystemEvents.SystemEvent> recorded = new ArrayList<>(2);
        if (result.tierChange() != null) {
            recorded.add(new SystemEvents.SystemEvent(id, ScoringEvents.TIER_CHANGED, now, Map.of("from",
                    result.tierChange().from().name(), "to", result.tierChange().to().name(), "reason",
                    result.tierChange().reason())));
        }
        if (result.churnCrossedUp()) {
            recorded.add(new SystemEvents.SystemEvent(id, ScoringEvents.CHURN_RISK_HIGH, now,
                    Map.of("churnRisk", String.valueOf(result.scores().churnRisk()))));
        }
        return recorded;
    }

    /** The label and timeline of what was written, leaving out the customers whose write did not apply. */
    private Outcome after(int scored, Map<String, Engine.Result> results, Set<String> lost, Instant now) {
        List<String> labelOn = new ArrayList<>();
        List<String> labelOff = new ArrayList<>();
        results.forEach((id, result) -> {
            if (lost.contains(id)) {
                return;
            }
            if (result.tierChange() != null) {
                timeline.record(result.facts().seq(), Engine.change(result.tierChange(), now));
            }
            if (result.labelChange()) {
                (result.churnHigh() ? labelOn : labelOff).add(id);
            }
        });
        Label churn = churnLabel();
        if (!labelOn.isEmpty()) {
            labels.apply(churn.id(), churn.key(), labelOn, "SYSTEM");
        }
        if (!labelOff.isEmpty()) {
            labels.remove(churn.id(), labelOff);
        }
        return new Outcome(scored, results.size() - lost.size());
    }

    Catalogue catalogue() {
        return references.catalogue();
    }

    Label churnLabel() {
        return references.churnLabel();
    }

    ZoneId zone() {
        return zone;
    }
}
