package dev.strata.scoring;

import java.util.List;
import java.util.function.Consumer;

import dev.strata.customer.NewCustomerPreparation;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Scores new customers before they are stored, so the feed, the demo and card prospects write each new customer once,
 * already in their tier; should scoring fail, the customer is stored unscored and scored right after (see {@link RescoreOnChange}).
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
        try {
            Consumer<List<Document>> afterwards = rescorer.prepare(documents);
            return created -> {
                try {
                    afterwards.accept(created);
                } catch (RuntimeException e) {
                    log.warn("Recording the scores of {} new customers failed; the nightly run catches up", created.size(), e);
                }
            };
        } catch (RuntimeException e) {
            log.warn("Scoring {} new customers before storing them failed; they are scored once stored", documents.size(), e);
            return NOTHING;
        }
    }
}
