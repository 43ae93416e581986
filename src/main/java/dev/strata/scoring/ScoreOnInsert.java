package dev.strata.scoring;

import java.time.Instant;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import dev.strata.customer.NewCustomerPreparation;
import dev.strata.event.Event;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Scores new customers before they are stored, so the feed, the demo and card prospects write each new customer once,
 * already in their tier and with the tier change on the portrait; should scoring fail, the customer is stored unscored
 * and scored right after (see {@link RescoreOnChange}).
 */
@Component
class ScoreOnInsert implements NewCustomerPreparation {

    private static final Logger log = LoggerFactory.getLogger(ScoreOnInsert.class);
    private static final Consumer<List<Document>> NOTHING = created -> { };

    private final Rescorer rescorer;

    ScoreOnInsert(Rescorer rescorer) {
        this.rescorer = rescorer;
    }

    @Override
    public Consumer<List<Document>> prepare(List<Document> documents) {
        Consumer<List<Document>> afterwards;
        try {
            afterwards = scoreInPlace(documents);
        } catch (RuntimeException e) {
            log.warn("Scoring {} new customers before storing them failed; they are scored once stored", documents.size(), e);
            return NOTHING;
        }
        return created -> {
            try {
                afterwards.accept(created);
            } catch (RuntimeException e) {
                log.warn("Recording the scores of {} new customers failed; the nightly run catches up", created.size(), e);
            }
        };
    }

    /** Writes each result into its document, as the stored customer's update would; returns what settles the stored ones. */
    private Consumer<List<Document>> scoreInPlace(List<Document> documents) {
        ScoringModel model = rescorer.model();
        Instant now = rescorer.clock().instant();
        String writeId = new ObjectId().toHexString();
        Catalogue catalogue = rescorer.catalogue();
        String labelId = rescorer.churnLabel().id();
        Map<Document, Engine.Result> results = new IdentityHashMap<>();
        Map<Document, List<Event>> shown = new IdentityHashMap<>();
        for (Document document : documents) {
            Facts facts = Facts.of(document, labelId);
            Engine.Result result = facts.merged() ? null : Engine.score(facts, model, now, rescorer.zone(), catalogue);
            if (result != null && result.changed()) {
                List<Event> planned = rescorer.plan(result, now);
                ScoreUpdates.applyTo(document, ScoreUpdates.update(result, now, writeId));
                NewCustomerPreparation.showEvents(document, planned.stream().map(Event::onPortrait).toList());
                results.put(document, result);
                shown.put(document, planned);
            }
        }
        return created -> {
            Map<String, Engine.Result> stored = new HashMap<>();
            Map<String, List<Event>> storedShown = new HashMap<>();
            for (Document document : created) {
                Engine.Result result = results.get(document);
                if (result != null) {
                    stored.put(result.facts().id(), result);
                    storedShown.put(result.facts().id(), shown.get(document));
                }
            }
            Rescorer.asScoring(() -> rescorer.settle(created.size(), stored, storedShown, Set.of(), now));
        };
    }
}
