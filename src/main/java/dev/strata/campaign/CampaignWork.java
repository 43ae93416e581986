package dev.strata.campaign;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * This instance's background campaign work: runner threads of its own working due journey steps (so a long journey
 * batch never waits behind, or holds up, the other scheduled jobs), and every few hundred milliseconds pending launch
 * enrollments and completing campaigns past their end with nobody left in the journey.
 */
@Component
class CampaignWork implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CampaignWork.class);
    private static final Duration FIRST_PASS_AFTER = Duration.ofSeconds(2);

    private final List<JourneyRunner> runners = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    /** Runner threads share the read side; {@link #runAllDue} (the test clock) takes the write side to work alone. */
    private final ReadWriteLock turns = new ReentrantReadWriteLock();
    private final JourneyRunner foreground;
    private final LaunchEnrollment launch;
    private final CampaignTransitions transitions;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration pollInterval;
    private volatile boolean running;

    CampaignWork(Schedule schedule, JourneyBatch batch, StepClaims claims, LaunchEnrollment launch,
            CampaignTransitions transitions, MongoTemplate mongo, Clock clock,
            @Value("${strata.campaigns.runners:2}") int runnerThreads,
            @Value("${strata.campaigns.poll-interval:PT0.2S}") Duration pollInterval) {
        String instance = "runner-" + java.util.UUID.randomUUID();
        for (int i = 0; i < runnerThreads; i++) {
            runners.add(new JourneyRunner(schedule, batch, claims, instance + "-" + i, i * Schedule.LANES / runnerThreads));
        }
        this.foreground = new JourneyRunner(schedule, batch, claims, instance + "-foreground", 0);
        this.launch = launch;
        this.transitions = transitions;
        this.mongo = mongo;
        this.clock = clock;
        this.pollInterval = pollInterval;
    }

    @Scheduled(fixedDelayString = "${strata.campaigns.poll-interval:PT0.2S}", initialDelayString = "PT2S")
    void tick() {
        turns.readLock().lock();
        try {
            launch.runPending();
            completeEnded();
        } finally {
            turns.readLock().unlock();
        }
    }

    /** Everything due now, worked here before returning (the test clock): enrollments, steps, completions. */
    int runAllDue() {
        turns.writeLock().lock();
        try {
            launch.runPending();
            int worked = foreground.runUntilIdle(10_000);
            completeEnded();
            return worked;
        } finally {
            turns.writeLock().unlock();
        }
    }

    private void loop(JourneyRunner runner) {
        pause(FIRST_PASS_AFTER);
        while (running) {
            int worked = 0;
            turns.readLock().lock();
            try {
                worked = runner.runUntilIdle(100);
            } catch (RuntimeException e) {
                log.warn("Journey runner {} pass failed; it tries again: {}", runner.owner(), e.toString());
            } finally {
                turns.readLock().unlock();
            }
            if (worked == 0) {
                pause(pollInterval);
            }
        }
    }

    private void completeEnded() {
        Instant now = clock.instant();
        mongo.find(Query.query(Criteria.where("status").is(CampaignStatus.RUNNING).and("endAt").lt(now)), Campaign.class)
                .forEach(campaign -> {
                    boolean enrolling = campaign.enrollment() != null && campaign.enrollment().pending();
                    if (!enrolling && CampaignStatsView.count(StatsCounters.of(campaign), "active") <= 0) {
                        transitions.complete(campaign);
                    }
                });
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void start() {
        running = true;
        for (JourneyRunner runner : runners) {
            Thread thread = new Thread(() -> loop(runner), "journey-" + runner.owner().substring(runner.owner().lastIndexOf('-') + 1));
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    @Override
    public void stop() {
        running = false;
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
