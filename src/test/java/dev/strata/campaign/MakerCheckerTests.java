package dev.strata.campaign;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Submit, approve by someone else, reject with a reason, re-approval after an edit, illegal transitions, audit. */
class MakerCheckerTests extends CampaignTestSupport {

    @BeforeEach
    void people() {
        setUpPeople();
    }

    @Test
    void aCampaignIsApprovedByAnotherMarketerAndEditsNeedApprovalAgain() {
        String branch = unique("mc").replace("-", "");
        customers(branch, 2, List.of("SMS"));
        String segment = segmentOfBranch(branch);
        String id = create(marketer, campaignInput(unique("c"), List.of(segment), List.of(send("s1", "SMS", "hi {name}", null))));

        assertThat(transition(checker, "approveCampaign", id)).containsExactly("ILLEGAL_TRANSITION");
        assertThat(transition(marketer, "launchCampaign", id)).containsExactly("ILLEGAL_TRANSITION");
        assertThat(transition(marketer, "submitCampaign", id)).isEmpty();
        assertThat(transition(marketer, "approveCampaign", id)).containsExactly("SELF_APPROVAL");
        as(checker).document("mutation($i: RejectCampaignInput!) { rejectCampaign(input: $i) { campaign { status rejectionReason } userErrors { code } } }")
                .variable("i", Map.of("id", id, "reason", "add a control group")).execute()
                .path("rejectCampaign.campaign.status").entity(String.class).isEqualTo("DRAFT");
        assertThat(transition(marketer, "submitCampaign", id)).isEmpty();
        assertThat(transition(checker, "approveCampaign", id)).isEmpty();

        as(marketer).document("mutation($i: UpdateCampaignInput!) { updateCampaign(input: $i) { campaign { status approvedBy } userErrors { code } } }")
                .variable("i", Map.of("id", id, "controlGroupPercent", 10.0)).execute()
                .path("updateCampaign.campaign.status").entity(String.class).isEqualTo("DRAFT")
                .path("updateCampaign.campaign.approvedBy").valueIsNull();
        assertThat(transition(marketer, "launchCampaign", id)).containsExactly("ILLEGAL_TRANSITION");
        assertThat(transition(marketer, "submitCampaign", id)).isEmpty();
        assertThat(transition(checker, "approveCampaign", id)).isEmpty();
        assertThat(transition(marketer, "launchCampaign", id)).isEmpty();
        assertThat(transition(marketer, "pauseCampaign", id)).isEmpty();
        assertThat(transition(marketer, "pauseCampaign", id)).containsExactly("ILLEGAL_TRANSITION");
        assertThat(transition(marketer, "resumeCampaign", id)).isEmpty();
        assertThat(transition(marketer, "cancelCampaign", id)).isEmpty();
        assertThat(transition(marketer, "resumeCampaign", id)).containsExactly("ILLEGAL_TRANSITION");

        List<String> actions = asAdmin().document("{ auditLog(first: 100) { edges { node { action target } } } }").execute()
                .path("auditLog.edges[*].node.action").entityList(String.class).get();
        assertThat(actions).contains("CAMPAIGN_CREATE", "CAMPAIGN_SUBMIT", "CAMPAIGN_REJECT", "CAMPAIGN_APPROVE",
                "CAMPAIGN_EDIT_AFTER_APPROVAL", "CAMPAIGN_LAUNCH", "CAMPAIGN_PAUSE", "CAMPAIGN_RESUME", "CAMPAIGN_CANCEL");
    }

    @Test
    void brokenJourneysAreRefusedAtSave() {
        List<String> codes = as(marketer).document("mutation($i: CreateCampaignInput!) { createCampaign(input: $i) { userErrors { code } } }")
                .variable("i", campaignInput(unique("bad"), List.of(), List.of(
                        send("a", "SMS", "x", "c"),
                        send("a", "SMS", "", null),
                        Map.of("addLabel", Map.of("key", "l", "labelKey", "no-such-label-xyz")),
                        Map.of("exit", Map.of("key", "e")))))
                .execute().path("createCampaign.userErrors[*].code").entityList(String.class).get();
        assertThat(codes).contains("DUPLICATE_KEY", "MISSING_TEMPLATE", "UNKNOWN_LABEL");

        List<String> graph = as(marketer).document("mutation($i: CreateCampaignInput!) { createCampaign(input: $i) { userErrors { code } } }")
                .variable("i", campaignInput(unique("bad"), List.of(), List.of(
                        send("a", "SMS", "x", "b"),
                        send("b", "SMS", "y", "a"),
                        Map.of("exit", Map.of("key", "lonely")))))
                .execute().path("createCampaign.userErrors[*].code").entityList(String.class).get();
        assertThat(graph).contains("LOOP_WITHOUT_WAIT", "UNREACHABLE_STEP");
    }
}
