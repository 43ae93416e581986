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
 * two-day wait inside a five-day jump happens on its day) and runs that work before returning.
 */
@Service
class TestClockService {

    static final Duration MAX_ADVANCE = Duration.ofDays(366);

    private final Clock clock;
    private final Schedule schedule;
    private final CampaignWork work;

    TestClockService(Clock clock, Schedule schedule, CampaignWork work) {
        this.clock = clock;
        this.schedule = schedule;
        this.work = work;
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
}
