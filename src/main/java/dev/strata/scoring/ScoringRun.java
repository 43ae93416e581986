package dev.strata.scoring;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A background rescoring of every customer and its progress, readable from any instance. */
@Document("scoringRuns")
public record ScoringRun(@Id String id, String reason, int modelVersion, Status status, int total, int scored, int changed,
        Instant startedAt, Instant finishedAt) {

    /** Where a run is. */
    public enum Status { QUEUED, RUNNING, DONE, FAILED }

    ScoringRun progressed(Status status, int scored, int changed, Instant finishedAt) {
        return new ScoringRun(id, reason, modelVersion, status, total, scored, changed, startedAt, finishedAt);
    }
}
