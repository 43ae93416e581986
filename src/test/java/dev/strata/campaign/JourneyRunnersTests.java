package dev.strata.campaign;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import dev.strata.graphql.GlobalId;
import dev.strata.touchpoint.Touchpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

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
    MongoTemplate mongo;

    @BeforeEach
    void people() {
        setUpPeople();
        policy(20, "00:00", "00:00");
    }

    @Test
    void twoRunnersOnOneStoreSendEachStepExactlyOnce() {
        String id = enrolledTwoStepCampaign();
        JourneyRunner a = new JourneyRunner(schedule, batch, "runner-a");
        JourneyRunner b = new JourneyRunner(schedule, batch, "runner-b");
        var first = CompletableFuture.supplyAsync(() -> a.runUntilIdle(1000));
        var second = CompletableFuture.supplyAsync(() -> b.runUntilIdle(1000));
        first.join();
        second.join();
        assertSentOncePerStep(id);
    }

    @Test
    void aCrashedRunnersClaimIsTakenOverWhenItsLeaseRunsOut() throws InterruptedException {
        String id = enrolledTwoStepCampaign();
        List<Schedule.Claim> crashed = schedule.claim("crashed", 10_000, Duration.ofMillis(1500));
        assertThat(crashed.stream().mapToInt(c -> c.entries().size()).sum()).isEqualTo(CUSTOMERS);
        JourneyRunner survivor = new JourneyRunner(schedule, batch, "survivor");
        assertThat(survivor.runOnce()).as("claims under a live lease are left alone").isZero();
        Thread.sleep(1600);
        assertThat(survivor.runUntilIdle(1000)).isEqualTo(CUSTOMERS);
        assertSentOncePerStep(id);
    }

    @Test
    void aBatchWorkedTwiceAtOnceSendsOnceAndEndsEachEnrollmentOnce() {
        String id = enrolledTwoStepCampaign();
        List<Schedule.Claim> claims = schedule.claim("slow", 10_000, Duration.ofMillis(1));
        List<String> tokens = claims.stream().flatMap(c -> c.entries().stream()).toList();
        var slow = CompletableFuture.runAsync(() -> batch.work(tokens));
        var retaken = CompletableFuture.runAsync(() -> batch.work(tokens));
        slow.join();
        retaken.join();
        claims.forEach(schedule::done); // as a runner does, so the worked entries leave the schedule
        assertSentOncePerStep(id);
        assertThat(CampaignStatsView.count(mongo.findById(local(id), org.bson.Document.class, StatsCounters.COLLECTION),
                "active")).as("active enrollments after every one ended").isZero();
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
        String branch = unique("rn").replace("-", "");
        customers(branch, CUSTOMERS, List.of("SMS", "WECHAT"));
        String id = launched(campaignInput(unique("runners"), List.of(segmentOfBranch(branch)),
                List.of(send("sms", "SMS", "hi {name}", null), send("wechat", "WECHAT", "hi again", null))));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Integer.valueOf(CUSTOMERS).equals(stats(campaign(id)).get("enrolled")) && System.nanoTime() < deadline) {
            pause(100);
        }
        assertThat(stats(campaign(id)).get("enrolled")).isEqualTo(CUSTOMERS);
        // Enrollment counts each customer as it is written; its schedule entries land just after: wait until they are due.
        while ((schedule.earliest() == null || schedule.earliest().isAfter(clock.instant())) && System.nanoTime() < deadline) {
            pause(50);
        }
        return id;
    }

    private static String local(String id) {
        return GlobalId.localId(id, "Campaign");
    }


    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
