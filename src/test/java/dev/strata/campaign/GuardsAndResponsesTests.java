package dev.strata.campaign;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Consent, frequency cap and quiet hours before every send; control group; idempotent, ordered responses. */
class GuardsAndResponsesTests extends CampaignTestSupport {

    @Test
    void guardsSuppressWithACodeAndQuietHoursDefer() {
        advanceToMorning();
        setUpPeople();
        policy(1, "21:00", "08:00");
        String branch = unique("gd").replace("-", "");
        List<String> ids = customers(branch, 3, List.of("SMS"));
        String segment = segmentOfBranch(branch);
        String id = launched(campaignInput(unique("guards"), List.of(segment), List.of(
                send("sms", "SMS", "hi", null), send("push", "APP_PUSH", "hi", null), send("sms2", "SMS", "again", null))));
        advance(Duration.ofMinutes(1));
        List<Map<String, Object>> tps = touchpoints(id);
        assertThat(tps).hasSize(9);
        assertThat(tps).filteredOn(t -> t.get("stepKey").equals("push"))
                .allSatisfy(t -> assertThat((String) t.get("reason")).startsWith("NO_CONSENT"));
        assertThat(tps).filteredOn(t -> t.get("stepKey").equals("sms2"))
                .allSatisfy(t -> assertThat((String) t.get("reason")).startsWith("FREQUENCY_CAP"));
        Map<String, Object> stats = stats(campaign(id));
        assertThat(stats.get("sent")).isEqualTo(3);
        assertThat(stats.get("suppressed")).isEqualTo(6);
        assertThat(ids).hasSize(3);

        policy(20, "00:00", "23:59");
        setUpPeople();
        String quiet = launched(campaignInput(unique("quiet"), List.of(segment), List.of(send("s", "SMS", "hi", null))));
        advance(Duration.ofMinutes(5));
        assertThat(touchpoints(quiet)).isEmpty();
        policy(20, "21:00", "08:00");
        advance(Duration.ofDays(1));
        assertThat(touchpoints(quiet)).hasSize(3).allSatisfy(t -> assertThat(t.get("status")).isEqualTo("SENT"));
    }

    @Test
    void controlCustomersAreEnrolledAndCountedButNeverContacted() {
        advanceToMorning();
        setUpPeople();
        policy(20, "21:00", "08:00");
        String branch = unique("cg").replace("-", "");
        customers(branch, 200, List.of("SMS"));
        String segment = segmentOfBranch(branch);
        Map<String, Object> input = campaignInput(unique("control"), List.of(segment), List.of(send("s", "SMS", "hi", null)));
        input.put("controlGroupPercent", 20.0);
        String id = launched(input);
        advance(Duration.ofMinutes(1));
        Map<String, Object> stats = stats(campaign(id));
        int control = (Integer) stats.get("control");
        assertThat(stats.get("enrolled")).isEqualTo(200);
        assertThat(control).isBetween(24, 56);
        assertThat(stats.get("sent")).isEqualTo(200 - control);
        assertThat(Enrollments.isControl("c1", "x", 20)).isEqualTo(Enrollments.isControl("c1", "x", 20));
    }

    @Test
    void responsesMoveForwardOnlyCountOnceAndUnknownTokensLookAlike() {
        advanceToMorning();
        setUpPeople();
        policy(20, "21:00", "08:00");
        String branch = unique("rs").replace("-", "");
        customers(branch, 1, List.of("SMS"));
        String id = launched(campaignInput(unique("resp"), List.of(segmentOfBranch(branch)),
                List.of(send("s", "SMS", "hi", null))));
        advance(Duration.ofMinutes(1));
        String token = (String) touchpoints(id).get(0).get("trackingToken");
        assertThat(respond(token, "CLICKED")).contains("counted=true");
        assertThat(respond(token, "OPENED")).contains("counted=false").contains("status=CLICKED");
        assertThat(respond(token, "CLICKED")).contains("counted=false");
        Map<String, Object> stats = stats(campaign(id));
        assertThat(stats).containsEntry("sent", 1).containsEntry("delivered", 1).containsEntry("opened", 1)
                .containsEntry("clicked", 1).containsEntry("converted", 0);
        assertThat(respond("A".repeat(32), "OPENED")).isEqualTo(respond("not a token", "OPENED"))
                .contains("UNKNOWN_TOKEN");
    }
}
