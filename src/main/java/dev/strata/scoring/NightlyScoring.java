package dev.strata.scoring;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Rescores everyone every night ({@code STRATA_SCORING_CRON}, 02:00 in {@code STRATA_TIME_ZONE} by default): closes the
 * months the retention rule judges and moves time-based indicators. One instance a night runs it: the run's ID is the
 * date, and only the first instance stores it.
 */
@Component
class NightlyScoring {

    private final ScoringRuns runs;
    private final Rescorer rescorer;
    private final Clock clock;

    NightlyScoring(ScoringRuns runs, Rescorer rescorer, Clock clock) {
        this.runs = runs;
        this.rescorer = rescorer;
        this.clock = clock;
    }

    @Scheduled(cron = "${strata.scoring.cron:0 0 2 * * *}", zone = "${strata.time-zone:Asia/Shanghai}")
    void run() {
        LocalDate today = clock.instant().atZone(rescorer.zone()).toLocalDate();
        runs.start("nightly-" + today, "nightly run of " + today);
    }
}
