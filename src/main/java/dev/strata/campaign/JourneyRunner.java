package dev.strata.campaign;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims a lane of due schedule pages under a lease and works them as one batch; several runners (in one process or
 * many) share the work through the leases, and a dead runner's lanes are retaken when its lease runs out.
 */
class JourneyRunner {

    /**
     * Entries a runner claims at once. Everything a batch has loaded or built is alive while it runs, and on the embedded
     * store each young collection copies what is alive: at 500 a batch, two runners kept about 10 MB in flight, a
     * quarter of what each pause copied; 250 halves that for a few more store round trips per touchpoint.
     */
    static final int BATCH = 250;
    static final Duration LEASE = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(JourneyRunner.class);

    private final Schedule schedule;
    private final JourneyBatch batch;
    private final StepClaims claims;
    private final String owner;
    private final int firstLane;
    private int turn;

    JourneyRunner(Schedule schedule, JourneyBatch batch, StepClaims claims, String owner, int firstLane) {
        this.schedule = schedule;
        this.batch = batch;
        this.claims = claims;
        this.owner = owner == null ? "runner-" + UUID.randomUUID() : owner;
        this.firstLane = firstLane;
    }

    /** Outcome of one claim: entries handled (0 when nothing was claimed), and whether its batch failed. */
    record Pass(int handled, boolean failed) {
        static final Pass IDLE = new Pass(0, false);
    }

    /** Claims one lane and works its due pages; a failed batch keeps its lease and is retried when it runs out. */
    Pass runOnce() {
        Schedule.Claim claim = schedule.claim(owner, BATCH, LEASE, firstLane + turn++);
        if (claim == null) {
            return Pass.IDLE;
        }
        List<String> due = claim.due();
        List<String> worked = claim.worked();
        try {
            batch.work(due, claim.leaseUntil());
            claims.release(worked);
        } catch (RuntimeException e) {
            // Dedup keys and step claims keep the retry after the lease from sending or moving anything twice.
            log.warn("Journey batch of {} failed; it is retried after the lease: {}", due.size(), e.toString());
            return new Pass(due.size() + worked.size(), true);
        }
        schedule.done(claim);
        return new Pass(Math.max(1, due.size() + worked.size()), false);
    }

    /**
     * Works batches until no free lane has anything due (or {@code maxBatches} were claimed); entries already worked
     * by someone else, or a failed batch, do not end the pass. Returns the entries worked.
     */
    int runUntilIdle(int maxBatches) {
        int total = 0;
        for (int i = 0; i < maxBatches; i++) {
            Pass pass = runOnce();
            if (pass.handled() == 0) {
                break;
            }
            if (!pass.failed()) {
                total += pass.handled();
            }
        }
        return total;
    }

    String owner() {
        return owner;
    }
}
