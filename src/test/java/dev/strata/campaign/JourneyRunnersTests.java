package dev.strata.campaign;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import dev.strata.touchpoint.Touchpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runners sharing one store: two at once send each step exactly once, a crashed runner's claims are taken over
 * when the lease runs out, and a batch worked twice counts its ends once. Runs in the shared context, where the
 * campaign poller is idle, so only the runners built here work the schedule.
 */
class JourneyRunnersTests extends CampaignHelpers {

    static final int CUSTOMERS = 240;

    @Autowired
    Schedule schedule;
    @Autowired
    JourneyBatch batch;
    @Autowired
    StepClaims claims;
    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void people() {
        setUpPeople();
        policy(20, "00:00", "00:00");
    }

    /** Leases a test leaves on purpose (a crashed or slow runner's) must not keep the next test's runner out of their lanes. */
    @AfterEach
    void releaseLanes() {
        mongo.updateMulti(new Query(), new Update().unset("leaseOwner").unset("leaseUntil"), Schedule.LANE_DOCS);
    }

    @Test
    void twoRunnersOnOneStoreSendEachStepExactlyOnce() {
        String id = enrolledTwoStepCampaign();
        JourneyRunner a = new JourneyRunner(schedule, batch, claims, "runner-a", 0);
        JourneyRunner b = new JourneyRunner(schedule, batch, claims, "runner-b", 0);
        var first = CompletableFuture.supplyAsync(() -> a.runUntilIdle(1000));
        var second = CompletableFuture.supplyAsync(() -> b.runUntilIdle(1000));
        first.join();
        second.join();
        assertSentOncePerStep(id);
    }

    @Test
    void twoRunnersRacingOnAThousandEnrollmentsSendEachExactlyOnce() {
        String id = enrolledCampaign(1000, List.of(send("sms", "SMS", "hi {name}", null)));
        JourneyRunner a = new JourneyRunner(schedule, batch, claims, "racer-a", 0);
        JourneyRunner b = new JourneyRunner(schedule, batch, claims, "racer-b", 0);
        var first = CompletableFuture.supplyAsync(() -> a.runUntilIdle(1000));
        var second = CompletableFuture.supplyAsync(() -> b.runUntilIdle(1000));
        assertThat(first.join() + second.join()).as("entries worked by both").isGreaterThanOrEqualTo(1000);
        assertSentOnce(id, 1000, 1);
    }

    @Test
    void aRunnerMeetingAlreadyWorkedEntriesGoesOnToNewerDueWorkInTheSamePass() {
        String worked = enrolledCampaign(CUSTOMERS, List.of(send("sms", "SMS", "hi {name}", null)));
        JourneyRunner runner = new JourneyRunner(schedule, batch, claims, "stale-pass", 0);
        assertThat(runner.runUntilIdle(1000)).isGreaterThanOrEqualTo(CUSTOMERS);
        // The same entries again, as a retried writer would leave them: ahead of any newer work in every lane.
        List<Enrollment> done = mongo.find(Query.query(Criteria.where("campaignId").is(local(worked))), Enrollment.class);
        schedule.add(done.stream().map(e -> new Schedule.Entry(e.id(), e.customerId(), 1, clock.instant())).toList());
        String fresh = enrolledCampaign(CUSTOMERS, List.of(send("sms", "SMS", "hello {name}", null)));
        assertThat(runner.runUntilIdle(1000)).as("stale and fresh entries in one pass").isGreaterThanOrEqualTo(2 * CUSTOMERS);
        assertSentOnce(worked, CUSTOMERS, 1);
        assertSentOnce(fresh, CUSTOMERS, 1);
    }

    @Test
    void stepClaimsAreDroppedOnceNoAttemptCanStillRaceForThem() {
        String id = enrolledCampaign(CUSTOMERS, List.of(send("sms", "SMS", "hi {name}", null)));
        assertThat(new JourneyRunner(schedule, batch, claims, "now", 0).runUntilIdle(1000)).isGreaterThanOrEqualTo(CUSTOMERS);
        List<String> keys = mongo.find(Query.query(Criteria.where("campaignId").is(local(id))), Enrollment.class).stream()
                .map(e -> StepClaims.key(e.id(), 1)).toList();
        assertThat(mongo.count(Query.query(Criteria.where("_id").in(keys)), StepClaims.COLLECTION))
                .as("claims while a late attempt may still come").isEqualTo(CUSTOMERS);
        Schedule later = new Schedule(mongo, java.time.Clock.offset(clock, Schedule.CLAIMS_KEPT.plusSeconds(5)));
        JourneyRunner afterwards = new JourneyRunner(later, batch, claims, "later", 0);
        assertThat(afterwards.runUntilIdle(1000)).as("tombstones worked").isGreaterThanOrEqualTo(CUSTOMERS);
        assertThat(mongo.count(Query.query(Criteria.where("_id").in(keys)), StepClaims.COLLECTION)).isZero();
        assertSentOnce(id, CUSTOMERS, 1);
    }

    @Test
    void aCrashedRunnersClaimIsTakenOverWhenItsLeaseRunsOut() throws InterruptedException {
        String id = enrolledTwoStepCampaign();
        List<Schedule.Claim> crashed = claimAll("crashed", Duration.ofMillis(1500));
        assertThat(crashed.stream().mapToInt(c -> c.due().size()).sum()).isGreaterThanOrEqualTo(CUSTOMERS);
        JourneyRunner survivor = new JourneyRunner(schedule, batch, claims, "survivor", 0);
        assertThat(survivor.runOnce().handled()).as("claims under a live lease are left alone").isZero();
        Thread.sleep(1600);
        assertThat(survivor.runUntilIdle(1000)).isGreaterThanOrEqualTo(CUSTOMERS);
        assertSentOncePerStep(id);
    }

    @Test
    void aBatchWorkedTwiceAtOnceSendsOnceAndEndsEachEnrollmentOnce() {
        String id = enrolledTwoStepCampaign();
        List<Schedule.Claim> slowClaims = claimAll("slow", Duration.ofMinutes(1));
        List<String> tokens = slowClaims.stream().flatMap(c -> c.due().stream()).toList();
        java.time.Instant leaseUntil = clock.instant().plus(Duration.ofMinutes(1));
        var slow = CompletableFuture.runAsync(() -> batch.work(tokens, leaseUntil));
        var retaken = CompletableFuture.runAsync(() -> batch.work(tokens, leaseUntil));
        slow.join();
        retaken.join();
        slowClaims.forEach(schedule::done); // as a runner does, so the worked entries leave the schedule
        assertSentOncePerStep(id);
        assertThat(CampaignStatsView.count(StatsCounters.of(mongo.findById(local(id), Campaign.class)),
                "active")).as("active enrollments after every one ended").isZero();
    }

    /** Every lane with due work, claimed as a runner would, lane after lane. */
    private List<Schedule.Claim> claimAll(String owner, Duration lease) {
        List<Schedule.Claim> all = new java.util.ArrayList<>();
        for (Schedule.Claim claim = schedule.claim(owner, 10_000, lease, 0); claim != null;
                claim = schedule.claim(owner, 10_000, lease, 0)) {
            all.add(claim);
        }
        return all;
    }

    private void assertSentOnce(String id, int customers, int steps) {
        List<Touchpoint> all = mongo.find(Query.query(Criteria.where("campaignId").is(local(id))), Touchpoint.class);
        assertThat(all).hasSize(steps * customers);
        assertThat(all.stream().map(t -> t.customerId() + "/" + t.stepKey()).distinct()).hasSize(steps * customers);
        assertThat(mongo.count(Query.query(Criteria.where("campaignId").is(local(id))), "outbox"))
                .as("messages handed to the channel").isEqualTo((long) steps * customers);
        assertThat(stats(campaign(id))).containsEntry("enrolled", customers).containsEntry("sent", steps * customers);
    }

    private void assertSentOncePerStep(String id) {
        List<Touchpoint> all = mongo.find(Query.query(Criteria.where("campaignId").is(local(id))), Touchpoint.class);
        Map<String, Long> perCustomerAndStep = all.stream().collect(Collectors.groupingBy(
                t -> t.customerId() + "/" + t.stepKey(), Collectors.counting()));
        assertThat(all).hasSize(2 * CUSTOMERS);
        assertThat(perCustomerAndStep).hasSize(2 * CUSTOMERS).allSatisfy((key, n) -> assertThat(n).isEqualTo(1));
        long outbox = mongo.count(Query.query(Criteria.where("campaignId").is(local(id))), "outbox");
        assertThat(outbox).as("messages handed to the channel").isEqualTo(2L * CUSTOMERS);
        Map<String, Object> stats = stats(campaign(id));
        assertThat(stats).containsEntry("enrolled", CUSTOMERS).containsEntry("sent", 2 * CUSTOMERS);
    }

    /** A launched campaign of two sends whose audience is enrolled and waiting for a runner. */
    private String enrolledTwoStepCampaign() {
        return enrolledCampaign(CUSTOMERS, List.of(send("sms", "SMS", "hi {name}", null),
                send("wechat", "WECHAT", "hi again", null)));
    }

    /** A launched campaign to {@code n} new customers whose audience is enrolled and waiting for a runner. */
    private String enrolledCampaign(int n, List<Map<String, Object>> journey) {
        String branch = unique("rn").replace("-", "");
        customers(branch, n, List.of("SMS", "WECHAT"));
        String id = launched(campaignInput(unique("runners"), List.of(segmentOfBranch(branch)), journey));
        awaitEnrolledAndDue(id, n);
        return id;
    }
}
