package dev.strata.campaign;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.strata.graphql.UserError;
import dev.strata.time.TestClock;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * {@code advanceTestClock}: moves the test clock forward stopping at every moment work falls due (so a
 * two-day wait inside a five-day jump happens on its day) and runs that work, launch enrollment included, before
 * returning.
 */
@Service
class TestClockService {

    static final Duration MAX_ADVANCE = Duration.ofDays(366);
    static final Duration ENROLLMENT_WAIT = Duration.ofSeconds(60);

    private final Clock clock;
    private final Schedule schedule;
    private final CampaignWork work;
    private final LaunchEnrollment launch;

    TestClockService(Clock clock, Schedule schedule, CampaignWork work, LaunchEnrollment launch) {
        this.clock = clock;
        this.schedule = schedule;
        this.work = work;
        this.launch = launch;
    }

    @PreAuthorize("hasRole('ADMIN')")
    CampaignInputs.AdvanceTestClockPayload advance(Duration by) {
        if (!(clock instanceof TestClock testClock)) {
            return new CampaignInputs.AdvanceTestClockPayload(null, List.of(UserError.of("TEST_CLOCK_OFF",
                    "the test clock is off; start with STRATA_TEST_CLOCK=true")));
        }
        if (by == null || by.isNegative() || by.compareTo(MAX_ADVANCE) > 0) {
            return new CampaignInputs.AdvanceTestClockPayload(null, List.of(UserError.invalid(
                    "by must be between PT0S and P366D", "by")));
        }
        return new CampaignInputs.AdvanceTestClockPayload(advance(testClock, by), List.of());
    }

    /** Walks the clock to now + by, working everything due on the way. */
    Instant advance(TestClock testClock, Duration by) {
        Instant target = clock.instant().plus(by);
        awaitLaunchEnrollment();
        work.runAllDue();
        for (int stops = 0; stops < 100_000; stops++) {
            Instant next = schedule.earliest();
            if (next == null || next.isAfter(target)) {
                break;
            }
            testClock.advanceTo(next);
            if (work.runAllDue() == 0 && next.equals(schedule.earliest())) {
                testClock.advanceTo(next.plusSeconds(1));
            }
        }
        testClock.advanceTo(target);
        work.runAllDue();
        return clock.instant();
    }

    /**
     * Waits (a while at most) for launches still enrolling in the background, so their first steps are among the work
     * this advance runs rather than landing after it.
     */
    private void awaitLaunchEnrollment() {
        long deadline = System.nanoTime() + ENROLLMENT_WAIT.toNanos();
        while (launch.anyPending() && System.nanoTime() < deadline) {
            launch.runPending();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
