package dev.strata.scoring;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.strata.audience.AudienceIndex;
import dev.strata.customer.ProjectedCustomers;
import dev.strata.store.ReadAhead;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Rescoring everyone in the background, one run at a time: streams every live customer, scores batches with the
 * model in force when the run starts, writes what changed, and stores its progress as it goes.
 */
@Component
class ScoringRuns {

    static final int BATCH = 2_000;
    private static final int PROGRESS_EVERY = 50_000;
    private static final Logger log = LoggerFactory.getLogger(ScoringRuns.class);

    private final MongoTemplate mongo;
    private final ProjectedCustomers customers;
    private final AudienceIndex index;
    private final Rescorer rescorer;
    private final ScoringModels models;
    private final Clock clock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "scoring-run");
        thread.setDaemon(true);
        return thread;
    });

    ScoringRuns(MongoTemplate mongo, ProjectedCustomers customers, AudienceIndex index, Rescorer rescorer, ScoringModels models,
            Clock clock) {
        this.mongo = mongo;
        this.customers = customers;
        this.index = index;
        this.rescorer = rescorer;
        this.models = models;
        this.clock = clock;
    }

    /** Queues a run of everyone under a new ID. */
    ScoringRun start(String reason) {
        return start(new ObjectId().toHexString(), reason);
    }

    /** Queues a run under {@code id}; null when a run with that ID exists (another instance claimed it). */
    ScoringRun start(String id, String reason) {
        ScoringRun run = new ScoringRun(id, reason, models.current().version(), ScoringRun.Status.QUEUED, index.size(), 0, 0,
                clock.instant(), null);
        try {
            mongo.insert(run);
        } catch (DuplicateKeyException e) {
            return null;
        }
        executor.submit(() -> execute(run));
        return run;
    }

    /** Runs now, in the caller's thread (start-up work and benchmarks). */
    ScoringRun runNow(String reason) {
        ScoringRun run = new ScoringRun(new ObjectId().toHexString(), reason, models.current().version(),
                ScoringRun.Status.QUEUED, index.size(), 0, 0, clock.instant(), null);
        mongo.insert(run);
        return execute(run);
    }

    ScoringRun find(String id) {
        return id == null ? mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "startedAt")).limit(1), ScoringRun.class)
                : mongo.findById(id, ScoringRun.class);
    }

    private ScoringRun execute(ScoringRun queued) {
        ScoringModel model = models.current();
        ScoringRun run = new ScoringRun(queued.id(), queued.reason(), model.version(), ScoringRun.Status.RUNNING, queued.total(),
                0, 0, queued.startedAt(), null);
        mongo.save(run);
        int[] counts = new int[3];
        try {
            ReadAhead.forEachBatch((Consumer<Document> sink) -> customers.streamLive(Facts.FIELDS, sink), BATCH, batch -> batch,
                    batch -> flush(batch, model, counts, run));
            ScoringRun done = run.progressed(ScoringRun.Status.DONE, counts[0], counts[1], clock.instant());
            mongo.save(done);
            log.info("Scoring run {} ({}): {} customers scored, {} changed", run.id(), run.reason(), counts[0], counts[1]);
            return done;
        } catch (RuntimeException e) {
            log.error("Scoring run {} failed after {} customers", run.id(), counts[0], e);
            ScoringRun failed = run.progressed(ScoringRun.Status.FAILED, counts[0], counts[1], clock.instant());
            mongo.save(failed);
            return failed;
        }
    }

    private void flush(List<Document> batch, ScoringModel model, int[] counts, ScoringRun run) {
        if (batch.isEmpty()) {
            return;
        }
        Rescorer.Outcome outcome = rescorer.rescore(batch, model);
        counts[0] += outcome.scored();
        counts[1] += outcome.changed();
        if (counts[0] / PROGRESS_EVERY != counts[2]) {
            counts[2] = counts[0] / PROGRESS_EVERY;
            mongo.save(run.progressed(ScoringRun.Status.RUNNING, counts[0], counts[1], null));
        }
    }
}
