package dev.strata.campaign;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.strata.security.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Completion, branch managers' own branch, segments in use, and RM tasks that become counted contacts. */
class CampaignLifecycleTests extends CampaignTestSupport {

    @Test
    void aCampaignCompletesOnceItsEndPassedAndEveryEnrollmentEndedButAnEmptyOneKeepsRunning() {
        advanceToMorning();
        setUpPeople();
        policy(20, "21:00", "08:00");
        String branch = unique("cp").replace("-", "");
        customers(branch, 2, List.of("SMS"));
        Map<String, Object> ending = campaignInput(unique("ending"), List.of(segmentOfBranch(branch)), List.of(
                send("s1", "SMS", "hi", null), Map.of("wait", Map.of("key", "w", "duration", "P3D")),
                send("s2", "SMS", "again", null)));
        ending.put("endAt", clock.instant().plus(Duration.ofDays(1)).toString());
        String id = launched(ending);
        String nobody = unique("nb").replace("-", "");
        asAdmin().document("mutation($i: UpsertBranchesInput!) { upsertBranches(input: $i) { userErrors { message } } }")
                .variable("i", Map.of("branches", List.of(Map.of("code", nobody, "name", nobody, "city", "Shanghai"))))
                .execute().path("upsertBranches.userErrors").entityList(Object.class).hasSize(0);
        String empty = launched(campaignInput(unique("empty"), List.of(segmentOfBranch(nobody)),
                List.of(send("s", "SMS", "hi", null))));
        advance(Duration.ofDays(2));
        assertThat(campaign(id).get("status")).as("past its end while customers still wait").isEqualTo("RUNNING");
        advance(Duration.ofDays(2));
        assertThat(campaign(id).get("status")).isEqualTo("COMPLETED");
        assertThat(stats(campaign(id)).get("sent")).isEqualTo(4);
        assertThat(campaign(empty).get("status")).as("nobody enrolled, no end: triggers and moves may still come")
                .isEqualTo("RUNNING");
    }

    @Test
    void aBranchManagerRunsCampaignsOnTheirOwnBranchOnly() {
        advanceToMorning();
        setUpPeople();
        policy(20, "21:00", "08:00");
        String own = unique("bo").replace("-", "");
        String other = unique("bx").replace("-", "");
        customers(own, 3, List.of("SMS"));
        customers(other, 4, List.of("SMS"));
        String both = as(marketer).document("mutation($i: CreateSegmentInput!) { createSegment(input: $i) { segment { id } } }")
                .variable("i", Map.of("name", unique("both"), "rule", Map.of("branchIn", List.of(own, other)))).execute()
                .path("createSegment.segment.id").entity(String.class).get();
        String manager = userToken(unique("bm"), List.of(Role.BRANCH_MANAGER), own, null);
        String theirs = create(manager, campaignInput(unique("bm-campaign"), List.of(both), List.of(send("s", "SMS", "hi", null))));
        assertThat(transition(manager, "submitCampaign", theirs)).isEmpty();
        assertClassification(as(manager).document("mutation($i: CampaignIdInput!) { approveCampaign(input: $i) { "
                + "userErrors { code } } }").variable("i", Map.of("id", theirs)).execute(), "FORBIDDEN");
        assertThat(transition(checker, "approveCampaign", theirs)).isEmpty();
        assertThat(transition(manager, "launchCampaign", theirs)).isEmpty();
        advance(Duration.ofMinutes(1));
        assertThat(stats(campaign(theirs))).as("the audience in the creator's scope: their branch").containsEntry("enrolled", 3);

        String marketers = create(marketer, campaignInput(unique("hq"), List.of(both), List.of(send("s", "SMS", "hi", null))));
        assertThat(transition(manager, "submitCampaign", marketers)).containsExactly("NOT_FOUND");
        as(manager).document("query($id: ID!) { campaign(id: $id) { id } }").variable("id", marketers).execute()
                .errors().filter(e -> true).verify().path("campaign").valueIsNull();
        List<String> listed = as(manager).documentName("mobile/Campaigns").variable("first", 100).execute()
                .path("campaigns.edges[*].node.id").entityList(String.class).get();
        assertThat(listed).contains(theirs).doesNotContain(marketers);
    }

    @Test
    void aSegmentACampaignUsesCannotBeDeletedUntilTheCampaignEnds() {
        setUpPeople();
        String branch = unique("sg").replace("-", "");
        customers(branch, 1, List.of("SMS"));
        String segment = segmentOfBranch(branch);
        String id = create(marketer, campaignInput(unique("uses"), List.of(segment), List.of(send("s", "SMS", "hi", null))));
        assertThat(deleteSegment(segment)).containsExactly("IN_USE");
        assertThat(transition(marketer, "cancelCampaign", id)).isEmpty();
        assertThat(deleteSegment(segment)).isEmpty();
    }

    @Test
    void anAssignedTaskIsListedForTheRmAndCompletingItRecordsACountedContact() {
        advanceToMorning();
        setUpPeople();
        policy(1, "21:00", "08:00");
        String branch = unique("tk").replace("-", "");
        List<String> ids = customers(branch, 1, List.of("SMS"));
        String segment = segmentOfBranch(branch);
        String id = launched(campaignInput(unique("call"), List.of(segment), List.of(
                Map.of("assignTask", Map.of("key", "call", "title", "Call about the deposit offer", "due", "P3D")))));
        advance(Duration.ofMinutes(1));
        String rm = userToken(unique("rm"), List.of(Role.RELATIONSHIP_MANAGER), branch, branch + "rm");
        List<Map<String, Object>> tasks = as(rm).documentName("mobile/MyTasks").variable("first", 10).execute()
                .path("myTasks.edges[*].node").entity(new org.springframework.core.ParameterizedTypeReference<
                        List<Map<String, Object>>>() {
                }).get();
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0)).containsEntry("title", "Call about the deposit offer").containsEntry("status", "OPEN");
        String taskId = (String) tasks.get(0).get("id");
        as(rm).documentName("mobile/CompleteTask").variable("input", Map.of("taskId", taskId, "outcome", "CONVERTED",
                "note", "opened the deposit")).execute().path("completeTask.userErrors").entityList(Object.class).hasSize(0)
                .path("completeTask.touchpoint.channel").entity(String.class).isEqualTo("PHONE_CALL");
        Map<String, Object> stats = stats(campaign(id));
        assertThat(stats).containsEntry("sent", 1).containsEntry("converted", 1).containsEntry("convertedCustomers", 1);

        String next = launched(campaignInput(unique("after-call"), List.of(segment), List.of(send("s", "SMS", "hi", null))));
        advance(Duration.ofMinutes(1));
        assertThat(touchpoints(next)).hasSize(1).allSatisfy(t -> assertThat((String) t.get("reason"))
                .as("the RM's call counts toward the cap").startsWith("FREQUENCY_CAP"));
        assertThat(ids).hasSize(1);
    }

    private List<String> deleteSegment(String id) {
        return as(marketer).document("mutation($i: DeleteSegmentInput!) { deleteSegment(input: $i) { userErrors { code } } }")
                .variable("i", Map.of("id", id)).execute().path("deleteSegment.userErrors[*].code").entityList(String.class)
                .get();
    }
}
