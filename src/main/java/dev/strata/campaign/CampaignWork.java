package dev.strata.campaign;

import java.time.Clock;
import java.time.Instant;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * This instance's background campaign work, every few hundred milliseconds: pending launch enrollments,
 * due journey steps, and completing campaigns past their end with nobody left in the journey.
 */
@Component
class CampaignWork {

    private final JourneyRunner runner;
    private final LaunchEnrollment launch;
    private final CampaignTransitions transitions;
    private final StatsCounters stats;
    private final MongoTemplate mongo;
    private final Clock clock;

    CampaignWork(Schedule schedule, JourneyBatch batch, LaunchEnrollment launch, CampaignTransitions transitions,
            StatsCounters stats, MongoTemplate mongo, Clock clock) {
        this.runner = new JourneyRunner(schedule, batch, null);
        this.launch = launch;
        this.transitions = transitions;
        this.stats = stats;
        this.mongo = mongo;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${strata.campaigns.poll-interval:PT0.2S}", initialDelayString = "PT2S")
    void tick() {
        runAllDue();
    }

    /** Everything due now: enrollments, steps, completions; returns entries worked. */
    synchronized int runAllDue() {
        launch.runPending();
        int worked = runner.runUntilIdle(10_000);
        completeEnded();
        return worked;
    }

    private void completeEnded() {
        Instant now = clock.instant();
        mongo.find(Query.query(Criteria.where("status").is(CampaignStatus.RUNNING).and("endAt").lt(now)), Campaign.class)
                .forEach(campaign -> {
                    boolean enrolling = campaign.enrollment() != null && campaign.enrollment().pending();
                    if (!enrolling && StatsCounterReads.active(stats.read(campaign.id())) <= 0) {
                        transitions.complete(campaign);
                    }
                });
    }

    /** Counters read by name. */
    static final class StatsCounterReads {
        private StatsCounterReads() {
        }

        static int active(org.bson.Document stats) {
            return CampaignStatsView.count(stats, "active");
        }
    }
}
