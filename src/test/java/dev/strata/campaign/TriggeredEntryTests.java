package dev.strata.campaign;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A triggered campaign enrolls a matching customer when their event arrives: once, again after the cool-down, in seconds. */
class TriggeredEntryTests extends CampaignTestSupport {

    @Test
    void anEventEnrollsAMatchingCustomerOnceAgainAfterTheCoolDownAndNobodyOutsideTheTarget() {
        advanceToMorning();
        setUpPeople();
        policy(20, "21:00", "08:00");
        String branch = unique("tr").replace("-", "");
        List<String> inside = customers(branch, 2, List.of("SMS"));
        List<String> outside = customers(unique("tx").replace("-", ""), 1, List.of("SMS"));
        Map<String, Object> input = campaignInput(unique("transfer-out"), List.of(segmentOfBranch(branch)),
                List.of(send("s", "SMS", "{name}, we saw a large transfer", null)));
        Map<String, Object> trigger = new HashMap<>(Map.of("eventType", "TRANSFER", "minAmount", "10000", "reentry", "P7D"));
        input.put("trigger", trigger);
        String id = launched(input);
        advance(Duration.ofMinutes(1));
        assertThat(stats(campaign(id)).get("enrolled")).as("a triggered campaign enrolls nobody at launch").isEqualTo(0);

        long accepted = System.nanoTime();
        assertThat(track(inside.get(0), "TRANSFER", Map.of("amount", "-25000.00"))).isEqualTo(1);
        assertThat(track(inside.get(1), "TRANSFER", Map.of("amount", "500.00"))).isEqualTo(1);
        assertThat(track(outside.get(0), "TRANSFER", Map.of("amount", "90000"))).isEqualTo(1);
        List<Map<String, Object>> sent = awaitTouchpoints(id, 1, Duration.ofSeconds(20));
        Duration eventToSend = Duration.ofNanos(System.nanoTime() - accepted);
        assertThat(eventToSend).as("from the event to the first send, without moving the clock").isLessThan(Duration.ofSeconds(10));
        assertThat(sent).extracting(CampaignTestSupport::customerOf).containsExactly(inside.get(0));

        track(inside.get(0), "TRANSFER", Map.of("amount", "30000"));
        advance(Duration.ofDays(3));
        track(inside.get(0), "TRANSFER", Map.of("amount", "30000"));
        advance(Duration.ofMinutes(1));
        assertThat(touchpoints(id)).as("within the cool-down nobody re-enters").hasSize(1);
        assertThat(stats(campaign(id)).get("enrolled")).isEqualTo(1);

        advance(Duration.ofDays(5));
        track(inside.get(0), "TRANSFER", Map.of("amount", "30000"));
        advance(Duration.ofMinutes(1));
        assertThat(touchpoints(id)).as("after the cool-down the customer re-enters").hasSize(2)
                .extracting(CampaignTestSupport::customerOf).containsOnly(inside.get(0));
    }

    @Test
    void withoutReentryACustomerIsEnrolledOnlyOnceEver() {
        Triggered campaign = launchedOnPurchase(1);
        String id = campaign.id();
        List<String> ids = campaign.customers();
        track(ids.get(0), "PURCHASE", Map.of());
        advance(Duration.ofMinutes(1));
        advance(Duration.ofDays(30));
        track(ids.get(0), "PURCHASE", Map.of());
        advance(Duration.ofMinutes(1));
        assertThat(touchpoints(id)).hasSize(1);
    }

    @Test
    void aPauseHereStopsEntryAtOnceAndAnotherInstancesChangeIsSeenWithinTheMaxAge() {
        Triggered campaign = launchedOnPurchase(2);
        String id = campaign.id();
        List<String> ids = campaign.customers();
        String local = dev.strata.graphql.GlobalId.localId(id, "Campaign");
        track(ids.get(0), "PURCHASE", Map.of());
        assertThat(transition(marketer, "pauseCampaign", id)).isEmpty();
        track(ids.get(1), "PURCHASE", Map.of());
        advance(Duration.ofMinutes(1));
        assertThat(stats(campaign(id)).get("enrolled")).as("the event after the pause enrolled nobody").isEqualTo(1);

        EventCampaigns elsewhere = new EventCampaigns(store, Duration.ofMillis(300));
        assertThat(elsewhere.current()).extracting(Campaign::id).contains(local);
        store.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(local)),
                new org.springframework.data.mongodb.core.query.Update().set("status", CampaignStatus.CANCELLED), Campaign.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (elsewhere.current().stream().anyMatch(c -> c.id().equals(local)) && System.nanoTime() < deadline) {
            pause(20);
        }
        assertThat(elsewhere.current()).as("another instance's cancel is seen once the list is older than its max age")
                .extracting(Campaign::id).doesNotContain(local);
    }

    private record Triggered(String id, List<String> customers) {
    }

    /** A launched campaign that a PURCHASE triggers, targeting a new branch of {@code n} customers. */
    private Triggered launchedOnPurchase(int n) {
        advanceToMorning();
        setUpPeople();
        policy(20, "21:00", "08:00");
        String branch = unique("tn").replace("-", "");
        List<String> ids = customers(branch, n, List.of("SMS"));
        Map<String, Object> input = campaignInput(unique("purchase"), List.of(segmentOfBranch(branch)),
                List.of(send("s", "SMS", "thanks {name}", null)));
        input.put("trigger", Map.of("eventType", "PURCHASE"));
        return new Triggered(launched(input), ids);
    }

    private List<Map<String, Object>> awaitTouchpoints(String id, int count, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        List<Map<String, Object>> found = touchpoints(id);
        while (found.size() < count && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            found = touchpoints(id);
        }
        return found;
    }
}
