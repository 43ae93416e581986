package dev.strata.campaign;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed journey under the test clock: app push, not opened in 2 days, push again, not opened in 2 days,
 * SMS and WeChat; whoever opens on WeChat gets wechat-habit and is reached on WeChat first next time; whoever
 * opens nothing is labelled lost and moved to a login-reactivation campaign.
 */
class SeedJourneyTests extends CampaignTestSupport {

    @Test
    void theSeedJourneyTeachesTheChannelAndMovesTheLostToReactivation() {
        advanceToMorning();
        setUpPeople();
        policy(20, "21:00", "08:00");
        String branch = unique("sj").replace("-", "");
        List<String> ids = customers(branch, 2, List.of("APP_PUSH", "SMS", "WECHAT"));
        String opener = ids.get(0);
        String silent = ids.get(1);
        String segment = segmentOfBranch(branch);
        String lost = "lost" + branch;
        as(marketer).document("mutation($i: CreateLabelInput!) { createLabel(input: $i) { userErrors { message } } }")
                .variable("i", Map.of("key", lost, "name", "lost", "category", "MARKETING", "kind", "MANUAL")).execute()
                .path("createLabel.userErrors").entityList(Object.class).hasSize(0);
        String reactivation = launched(campaignInput(unique("login-reactivation"), List.of(),
                List.of(send("login", "APP_PUSH", "{name}, log in for a gift", null))));
        String seed = launched(campaignInput(unique("seed"), List.of(segment), List.of(
                send("push1", "APP_PUSH", "Hello {name}, your RM {rmName} has news", null),
                waitFor("wait1", "push2"),
                send("push2", "APP_PUSH", "Reminder, {name}", null),
                waitFor("wait2", "sms"),
                send("sms", "SMS", "{name}: an offer", null),
                send("wechat", "WECHAT", "{name}: an offer on WeChat", null),
                Map.of("waitForResponse", Map.of("key", "wait3", "kind", "OPENED", "within", "P2D", "onYes", "branch",
                        "onNo", "lost")),
                Map.of("branchOnChannel", Map.of("key", "branch", "cases", List.of(Map.of("channel", "WECHAT", "next", "done")),
                        "otherwise", "done")),
                Map.of("addLabel", Map.of("key", "lost", "labelKey", lost, "next", "move")),
                Map.of("moveToCampaign", Map.of("key", "move", "campaignId", reactivation)),
                Map.of("exit", Map.of("key", "done")))));

        advance(Duration.ofMinutes(1));
        assertThat(touchpoints(seed)).hasSize(2).allSatisfy(t -> assertThat(t.get("stepKey")).isEqualTo("push1"));
        advance(Duration.ofDays(2));
        assertThat(touchpoints(seed)).hasSize(4);
        advance(Duration.ofDays(2));
        List<Map<String, Object>> sent = touchpoints(seed);
        assertThat(sent).hasSize(8).allSatisfy(t -> assertThat(t.get("status")).isEqualTo("SENT"));
        String wechatToken = sent.stream().filter(t -> t.get("channel").equals("WECHAT")
                && customerOf(t).equals(opener)).map(t -> (String) t.get("trackingToken")).findFirst().orElseThrow();
        assertThat(respond(wechatToken, "OPENED")).contains("counted=true");

        advance(Duration.ofDays(2).plusMinutes(1));
        Map<String, Object> openerNow = customer(opener);
        assertThat(openerNow.get("preferredChannel")).isEqualTo("WECHAT");
        assertThat(labelKeys(openerNow)).contains("wechat-habit").doesNotContain(lost);
        assertThat(labelKeys(customer(silent))).contains(lost);
        assertThat(touchpoints(reactivation)).extracting(CampaignTestSupport::customerOf).containsExactly(silent);

        String next = launchedAs(campaignInput(unique("next"), List.of(segment),
                List.of(Map.of("send", Map.of("key", "offer", "channel", "SMS", "preferredChannel", true,
                        "template", "{name}, new offer")))));
        advance(Duration.ofMinutes(1));
        Map<String, String> channelOf = new HashMap<>();
        touchpoints(next).forEach(t -> channelOf.put(customerOf(t), (String) t.get("channel")));
        assertThat(channelOf).containsEntry(opener, "WECHAT").containsEntry(silent, "SMS");
        Map<String, Object> stats = stats(campaign(seed));
        assertThat(stats.get("sent")).isEqualTo(8);
        assertThat(stats.get("opened")).isEqualTo(1);
        assertThat(stats.get("enrolled")).isEqualTo(2);
    }

    private String launchedAs(Map<String, Object> input) {
        marketer = userToken(unique("mk"), dev.strata.security.Role.MARKETER);
        checker = userToken(unique("ck"), dev.strata.security.Role.MARKETER);
        return launched(input);
    }

    private static Map<String, Object> waitFor(String key, String onNo) {
        return Map.of("waitForResponse", Map.of("key", key, "kind", "OPENED", "within", "P2D", "onYes", "done", "onNo", onNo));
    }

    Map<String, Object> customer(String id) {
        return asAdmin().document("query($id: ID!) { customer(id: $id) { preferredChannel labels { label { key } } } }")
                .variable("id", id).execute().path("customer")
                .entity(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
                }).get();
    }

    @SuppressWarnings("unchecked")
    static List<String> labelKeys(Map<String, Object> customer) {
        return ((List<Map<String, Object>>) customer.get("labels")).stream()
                .map(l -> (String) ((Map<String, Object>) l.get("label")).get("key")).toList();
    }
}
