package dev.strata.campaign;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.strata.security.Role;
import dev.strata.support.StrataIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Helpers for campaign tests: a branch of customers, a segment, a campaign through maker-checker, its touchpoints. */
abstract class CampaignHelpers extends StrataIntegrationTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    Clock clock;
    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate store;

    String admin;
    String marketer;
    String checker;

    void setUpPeople() {
        admin = adminToken();
        marketer = userToken(unique("mk"), Role.MARKETER);
        checker = userToken(unique("ck"), Role.MARKETER);
    }

    /** Moves the test clock to the next 10:00 in Shanghai (out of quiet hours). */
    void advanceToMorning() {
        ZonedDateTime now = clock.instant().atZone(SHANGHAI);
        ZonedDateTime ten = now.with(LocalTime.of(10, 0));
        if (!ten.isAfter(now)) {
            ten = ten.plusDays(1);
        }
        advance(Duration.between(now, ten));
        admin = adminToken();
    }

    Instant advance(Duration by) {
        return Instant.parse(java.time.OffsetDateTime.parse(asAdmin().document(
                "mutation($by: Duration!) { advanceTestClock(input: {by: $by}) { now userErrors { message } } }")
                .variable("by", by.toString()).execute().path("advanceTestClock.userErrors").entityList(Object.class)
                .hasSize(0).path("advanceTestClock.now").entity(String.class).get()).toInstant().toString());
    }

    /** Walking days of journeys on two shared cores takes longer than the default five seconds. */
    @Override
    protected HttpGraphQlTester anonymous() {
        var client = org.springframework.test.web.reactive.server.WebTestClient.bindToServer(
                new org.springframework.http.client.reactive.JdkClientHttpConnector())
                .baseUrl("http://localhost:" + port + "/graphql").responseTimeout(Duration.ofSeconds(120));
        return HttpGraphQlTester.builder(client).documentSource(dev.strata.support.ClientExamples.documentSource()).build();
    }

    @Override
    protected HttpGraphQlTester asAdmin() {
        return as(login("admin", ADMIN_PASSWORD));
    }

    void policy(int maxContacts, String quietStart, String quietEnd) {
        asAdmin().document("mutation($i: UpdateContactPolicyInput!) { updateContactPolicy(input: $i) { userErrors { message } } }")
                .variable("i", Map.of("maxContacts", maxContacts, "perDays", 7, "quietStart", quietStart, "quietEnd", quietEnd,
                        "timeZone", "Asia/Shanghai"))
                .execute().path("updateContactPolicy.userErrors").entityList(Object.class).hasSize(0);
    }

    /** A new branch with an RM and {@code n} customers consenting to {@code channels}; returns the customer IDs. */
    List<String> customers(String branch, int n, List<String> channels) {
        HttpGraphQlTester admin = asAdmin();
        admin.document("mutation($i: UpsertBranchesInput!) { upsertBranches(input: $i) { userErrors { message } } }")
                .variable("i", Map.of("branches", List.of(Map.of("code", branch, "name", branch, "city", "Shanghai"))))
                .execute().path("upsertBranches.userErrors").entityList(Object.class).hasSize(0);
        admin.document("mutation($i: UpsertRelationshipManagersInput!) { upsertRelationshipManagers(input: $i) { userErrors { message } } }")
                .variable("i", Map.of("managers", List.of(Map.of("code", branch + "rm", "name", "王经理", "branchCode", branch))))
                .execute().path("upsertRelationshipManagers.userErrors").entityList(Object.class).hasSize(0);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> row = new HashMap<>();
            row.put("externalRef", branch + "-" + i);
            row.put("name", "客户" + i);
            row.put("branchCode", branch);
            row.put("managerCode", branch + "rm");
            row.put("riskLevel", "C2");
            row.put("riskAssessedAt", clock.instant().atZone(SHANGHAI).toLocalDate().minusMonths(1).toString());
            row.put("consents", channels.stream().map(c -> Map.of("channel", c, "granted", true)).toList());
            rows.add(row);
        }
        return admin.documentName("feed/UpsertCustomers").variable("input", Map.of("customers", rows)).execute()
                .path("upsertCustomers.userErrors").entityList(Object.class).hasSize(0)
                .path("upsertCustomers.rows[*].customer.id").entityList(String.class).get();
    }

    String segmentOfBranch(String branch) {
        return as(marketer).document("mutation($i: CreateSegmentInput!) { createSegment(input: $i) { segment { id } userErrors { message } } }")
                .variable("i", Map.of("name", unique("seg"), "rule", Map.of("branchIn", List.of(branch))))
                .execute().path("createSegment.userErrors").entityList(Object.class).hasSize(0)
                .path("createSegment.segment.id").entity(String.class).get();
    }

    Map<String, Object> campaignInput(String name, List<String> segmentIds, List<Map<String, Object>> journey) {
        Map<String, Object> input = new HashMap<>();
        input.put("name", name);
        input.put("segmentIds", segmentIds);
        input.put("journey", journey);
        return input;
    }

    String create(String token, Map<String, Object> input) {
        return as(token).documentName("mobile/CreateCampaign").variable("input", input).execute()
                .path("createCampaign.userErrors").entityList(Object.class).hasSize(0)
                .path("createCampaign.campaign.id").entity(String.class).get();
    }

    /** Runs a transition mutation (the mobile client's document where there is one) and returns its userErrors' codes. */
    List<String> transition(String token, String mutation, String id) {
        var tester = as(token);
        var request = switch (mutation) {
            case "submitCampaign" -> tester.documentName("mobile/SubmitCampaign");
            case "approveCampaign" -> tester.documentName("mobile/ApproveCampaign");
            case "launchCampaign" -> tester.documentName("mobile/LaunchCampaign");
            default -> tester.document("mutation($input: CampaignIdInput!) { " + mutation
                    + "(input: $input) { campaign { status } userErrors { code } } }");
        };
        return request.variable("input", Map.of("id", id)).execute().path(mutation + ".userErrors[*].code")
                .entityList(String.class).get();
    }

    /** Creates, submits, approves (by the checker) and launches; returns the campaign ID. */
    String launched(Map<String, Object> input) {
        String id = create(marketer, input);
        List<String> errors = new ArrayList<>(transition(marketer, "submitCampaign", id));
        errors.addAll(transition(checker, "approveCampaign", id));
        // Launched as the mini-program's admin front end does; transition(..., "launchCampaign", ...) sends the mobile one.
        errors.addAll(as(marketer).documentName("mini-program/LaunchCampaign").variable("input", Map.of("id", id)).execute()
                .path("launchCampaign.userErrors[*].code").entityList(String.class).get());
        org.assertj.core.api.Assertions.assertThat(errors).isEmpty();
        awaitEnrolled(id);
        return id;
    }

    /** Launch enrolls in the background: waits (up to 30 s) until everyone in the audience is enrolled. */
    void awaitEnrolled(String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Map<String, Object> stats = stats(campaign(id));
        while (((Number) stats.get("enrolled")).intValue() < ((Number) stats.get("audienceSize")).intValue()
                && System.nanoTime() < deadline) {
            pause(20);
            stats = stats(campaign(id));
        }
    }

    /**
     * Waits until {@code n} customers of a launched campaign are enrolled and their first schedule entries are due
     * (enrollment counts each customer as it is written; the entries are listed for the next whole second).
     */
    void awaitEnrolledAndDue(String id, int n) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Integer.valueOf(n).equals(stats(campaign(id)).get("enrolled")) && System.nanoTime() < deadline) {
            pause(100);
        }
        org.assertj.core.api.Assertions.assertThat(stats(campaign(id)).get("enrolled")).isEqualTo(n);
        // The count moves as each customer is written; the schedule pages are written after: wait for the job's end.
        while (enrolling(id) && System.nanoTime() < deadline) {
            pause(20);
        }
        pause(Schedule.slotOf(clock.instant()) - clock.instant().toEpochMilli() + 50);
    }

    private boolean enrolling(String id) {
        Campaign stored = store.findById(local(id), Campaign.class);
        return stored != null && stored.enrollment() != null && stored.enrollment().pending();
    }

    static String local(String campaignId) {
        return dev.strata.graphql.GlobalId.localId(campaignId, "Campaign");
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Map<String, Object> campaign(String id) {
        return asAdmin().documentName("mobile/Campaign").variable("id", id)
                .execute().path("campaign").entity(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
                }).get();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> stats(Map<String, Object> campaign) {
        return (Map<String, Object>) campaign.get("stats");
    }

    /** Touchpoints of a campaign (up to 100, newest first) with status, channel, token, customer. */
    List<Map<String, Object>> touchpoints(String campaignId) {
        return asAdmin().document("query($f: TouchpointFilter) { touchpoints(filter: $f, first: 100) { edges { node { "
                + "id status channel stepKey variant reason trackingToken customer { id } } } } }")
                .variable("f", Map.of("campaignId", campaignId)).execute().path("touchpoints.edges[*].node")
                .entity(new org.springframework.core.ParameterizedTypeReference<List<Map<String, Object>>>() {
                }).get();
    }

    static Map<String, Object> send(String key, String channel, String template, Object next) {
        Map<String, Object> send = new HashMap<>();
        send.put("key", key);
        send.put("channel", channel);
        send.put("template", template);
        if (next != null) {
            send.put("next", next);
        }
        return Map.of("send", send);
    }

    @SuppressWarnings("unchecked")
    static String customerOf(Map<String, Object> touchpoint) {
        return (String) ((Map<String, Object>) touchpoint.get("customer")).get("id");
    }

    String respond(String token, String kind) {
        return anonymous().documentName("mini-program/RecordResponse")
                .variable("input", Map.of("trackingToken", token, "kind", kind)).execute()
                .path("recordResponse").entity(Map.class).get().toString();
    }

    /** Events of one customer through trackEvents, occurring now on the service's clock; returns how many were accepted. */
    int track(String customerId, String type, Map<String, String> properties) {
        Map<String, Object> event = new HashMap<>(Map.of("customerId", customerId, "type", type,
                "occurredAt", clock.instant().minusSeconds(1).toString()));
        event.put("properties", properties.entrySet().stream().map(p -> Map.of("key", p.getKey(), "value", p.getValue())).toList());
        return asAdmin().documentName("mini-program/TrackEvents").variable("input", Map.of("events", List.of(event)))
                .execute().path("trackEvents.accepted").entity(Integer.class).get();
    }
}
