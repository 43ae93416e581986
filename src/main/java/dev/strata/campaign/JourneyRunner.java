package dev.strata.campaign;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims due schedule entries in batches under a lease and works them; several runners (in one process or
 * many) share the work through the leases, and a dead runner's claims are retaken when its lease runs out.
 */
class JourneyRunner {

    static final int BATCH = 500;
    static final Duration LEASE = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(JourneyRunner.class);

    private final Schedule schedule;
    private final JourneyBatch batch;
    private final String owner;

    JourneyRunner(Schedule schedule, JourneyBatch batch, String owner) {
        this.schedule = schedule;
        this.batch = batch;
        this.owner = owner == null ? "runner-" + UUID.randomUUID() : owner;
    }

    /** Claims and works one batch; returns how many entries it claimed (0: nothing was due or free). */
    int runOnce() {
        List<Schedule.Claim> claims = schedule.claim(owner, BATCH, LEASE);
        if (claims.isEmpty()) {
            return 0;
        }
        List<String> tokens = new ArrayList<>(new LinkedHashSet<>(claims.stream()
                .flatMap(claim -> claim.entries().stream()).toList()));
        try {
            batch.work(tokens);
        } catch (RuntimeException e) {
            // The lease runs out and the entries are retaken; dedup keys keep the retry from sending twice.
            log.warn("Journey batch of {} failed; it is retried after the lease: {}", tokens.size(), e.toString());
            return 0;
        }
        claims.forEach(schedule::done);
        return Math.max(1, tokens.size());
    }

    /** Works batches until nothing due is left (or {@code maxBatches} were worked). */
    int runUntilIdle(int maxBatches) {
        int total = 0;
        for (int i = 0; i < maxBatches; i++) {
            int claimed = runOnce();
            if (claimed == 0) {
                break;
            }
            total += claimed;
        }
        return total;
    }

    String owner() {
        return owner;
    }

}
