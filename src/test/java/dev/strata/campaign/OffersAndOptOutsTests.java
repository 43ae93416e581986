package dev.strata.campaign;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.strata.graphql.GlobalId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;

/** Suitability of offers, unsubscribes, the guessing throttle, and a control group that is the same on every launch. */
class OffersAndOptOutsTests extends CampaignTestSupport {

    @Autowired
    MongoTemplate mongo;
    @Autowired
    LaunchEnrollment launch;

    @Test
    void anOfferAboveTheCustomersValidToleranceIsSuppressedAsUnsuitable() {
        advanceToMorning();
        setUpPeople();
        policy(20, "21:00", "08:00");
        String product = ("EQ" + unique("p")).replace("-", "").toUpperCase();
        asAdmin().document("mutation($i: UpsertProductsInput!) { upsertProducts(input: $i) { userErrors { message } } }")
                .variable("i", Map.of("products", List.of(Map.of("code", product, "name", "Equity fund", "type", "FUND",
                        "risk", "R4", "minAmount", "1000")))).execute()
                .path("upsertProducts.userErrors").entityList(Object.class).hasSize(0);
        String branch = unique("un").replace("-", "");
        customers(branch, 2, List.of("SMS"));
        Map<String, Object> offer = new HashMap<>(Map.of("key", "offer", "channel", "SMS", "template", "{product} for {name}",
                "offerProductCode", product));
        String id = launched(campaignInput(unique("equity"), List.of(segmentOfBranch(branch)), List.of(Map.of("send", offer))));
        advance(Duration.ofMinutes(1));
        assertThat(touchpoints(id)).hasSize(2).allSatisfy(t -> {
            assertThat(t.get("status")).isEqualTo("SUPPRESSED");
            assertThat((String) t.get("reason")).startsWith("UNSUITABLE");
        });
    }

    @Test
    void anUnsubscribeWithdrawsThatChannelsConsentOnceWithoutMovingTheStatus() {
        advanceToMorning();
        setUpPeople();
        policy(20, "21:00", "08:00");
        String branch = unique("us").replace("-", "");
        customers(branch, 1, List.of("SMS", "WECHAT"));
        String segment = segmentOfBranch(branch);
        String id = launched(campaignInput(unique("unsub"), List.of(segment), List.of(send("s", "SMS", "hi", null))));
        advance(Duration.ofMinutes(1));
        String token = (String) touchpoints(id).get(0).get("trackingToken");
        assertThat(respond(token, "UNSUBSCRIBED")).contains("counted=true").contains("status=SENT");
        assertThat(respond(token, "UNSUBSCRIBED")).contains("counted=false");
        assertThat(touchpoints(id).get(0)).containsEntry("status", "SENT");
        assertThat(stats(campaign(id))).containsEntry("sent", 1).containsEntry("opened", 0);
        assertThat(asAdmin().document("query($id: ID!) { campaign(id: $id) { stats { unsubscribed } } }").variable("id", id)
                .execute().path("campaign.stats.unsubscribed").entity(Integer.class).get()).isEqualTo(1);

        String next = launched(campaignInput(unique("after-unsub"), List.of(segment), List.of(
                send("sms", "SMS", "hi", null), send("wx", "WECHAT", "hi", null))));
        advance(Duration.ofMinutes(1));
        Map<String, String> reasons = touchpoints(next).stream().collect(Collectors.toMap(t -> (String) t.get("stepKey"),
                t -> String.valueOf(t.get("reason"))));
        assertThat(reasons.get("sms")).startsWith("NO_CONSENT");
        assertThat(reasons.get("wx")).isEqualTo("null");
    }

    @Test
    void guessingTokensIsThrottledPerAddress() {
        advanceToMorning();
        for (int i = 0; i < ResponseThrottle.MAX_FAILURES_PER_MINUTE; i++) {
            assertThat(respond("guess" + "x".repeat(27) + i % 10, "OPENED")).contains("UNKNOWN_TOKEN");
        }
        assertThat(respond("B".repeat(32), "OPENED")).contains("THROTTLED");
        advance(Duration.ofMinutes(1));
        assertThat(respond("B".repeat(32), "OPENED")).as("a new minute").contains("UNKNOWN_TOKEN");
    }

    @Test
    void theControlShareIsWithinToleranceAndTheSameCustomersOnEveryLaunch() {
        advanceToMorning();
        setUpPeople();
        policy(20, "21:00", "08:00");
        String branch = unique("cs").replace("-", "");
        customers(branch, 400, List.of("SMS"));
        Map<String, Object> input = campaignInput(unique("stable"), List.of(segmentOfBranch(branch)),
                List.of(send("s", "SMS", "hi", null)));
        input.put("controlGroupPercent", 25.0);
        String id = launched(input);
        advance(Duration.ofMinutes(1));
        String local = GlobalId.localId(id, "Campaign");
        Set<String> first = control(local);
        assertThat(first.size()).as("25% of 400, within four standard deviations").isBetween(100 - 35, 100 + 35);

        mongo.remove(Query.query(Criteria.where("campaignId").is(local)), Enrollment.class);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(local)),
                new Update().set("enrollment", new Campaign.EnrollmentJob(true, null, null)), Campaign.class);
        assertThat(launch.run(local)).isTrue();
        assertThat(control(local)).as("the audience enrolled again").isEqualTo(first);
    }

    private Set<String> control(String campaignId) {
        return mongo.find(Query.query(Criteria.where("campaignId").is(campaignId).and("control").is(true)), Enrollment.class)
                .stream().map(Enrollment::customerId).collect(Collectors.toSet());
    }
}
