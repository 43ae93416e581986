package dev.strata.touchpoint;

import java.util.List;
import java.util.Map;

import dev.strata.security.Role;
import dev.strata.support.StrataIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An RM logs calls and visits; the portrait keeps the latest 20, newest first, and the connection keeps all. */
class RecordTouchpointTests extends StrataIntegrationTest {

    private String rmToken;
    private String ownCustomer;
    private String otherCustomer;

    @BeforeEach
    void bookOfTwo() {
        String branch = unique("TB");
        String rm = unique("TR");
        String other = unique("TO");
        asAdmin().documentName("admin/UpsertBranches")
                .variable("input", Map.of("branches", List.of(Map.of("code", branch, "name", "触点支行")))).execute();
        asAdmin().documentName("admin/UpsertRelationshipManagers").variable("input", Map.of("managers",
                List.of(Map.of("code", rm, "name", "赵敏", "branchCode", branch), Map.of("code", other, "name", "钱进", "branchCode", branch))))
                .execute();
        String ref = unique("T");
        String feed = userToken(unique("feed"), Role.SERVICE);
        as(feed).documentName("feed/UpsertCustomers").variable("input", Map.of("customers", List.of(
                Map.of("externalRef", ref + "a", "name", "孙丽", "managerCode", rm),
                Map.of("externalRef", ref + "b", "name", "周杰", "managerCode", other)))).execute()
                .path("upsertCustomers.created").entity(Integer.class).isEqualTo(2);
        ownCustomer = idOf(feed, ref + "a");
        otherCustomer = idOf(feed, ref + "b");
        rmToken = userToken(unique("rm"), List.of(Role.RELATIONSHIP_MANAGER), null, rm);
    }

    @Test
    void loggedVisitsAppearOnThePortraitNewestFirstAndCappedAtTwenty() {
        for (int i = 0; i < 23; i++) {
            as(rmToken).documentName("mobile/LogVisit").variable("input", Map.of("customerId", ownCustomer,
                    "channel", i % 2 == 0 ? "PHONE_CALL" : "BRANCH_VISIT", "outcome", i == 22 ? "CONVERTED" : "REACHED",
                    "note", "visit " + i, "revenue", "100.00")).execute()
                    .path("recordTouchpoint.userErrors").entityList(Object.class).hasSize(0)
                    .path("recordTouchpoint.touchpoint.recordedBy").entity(String.class).satisfies(by -> assertThat(by).startsWith("rm"));
        }
        var portrait = as(rmToken).documentName("mobile/CustomerPortrait").variable("id", ownCustomer).execute();
        portrait.path("customer.recentTouchpoints").entityList(Object.class).hasSize(20)
                .path("customer.recentTouchpoints[0].status").entity(String.class).isEqualTo("CONVERTED")
                .path("customer.recentTouchpoints[0].channel").entity(String.class).isEqualTo("PHONE_CALL")
                .path("customer.recentTouchpoints[1].channel").entity(String.class).isEqualTo("BRANCH_VISIT")
                .path("customer.touchpoints.totalCount").entity(Integer.class).isEqualTo(23)
                .path("customer.touchpoints.edges[0].node.note").entity(String.class).isEqualTo("visit 22");
    }

    @Test
    void aCampaignChannelCannotBeLoggedByHand() {
        as(rmToken).documentName("mobile/LogVisit").variable("input", Map.of("customerId", ownCustomer,
                "channel", "SMS", "outcome", "REACHED")).execute()
                .path("recordTouchpoint.touchpoint").valueIsNull()
                .path("recordTouchpoint.userErrors[0].code").entity(String.class).isEqualTo("NOT_A_HUMAN_CHANNEL");
    }

    @Test
    void anRmCannotLogAContactWithAnotherRmsCustomerAndLearnsNotEvenThatItExists() {
        as(rmToken).documentName("mobile/LogVisit").variable("input", Map.of(
                "customerId", otherCustomer, "channel", "PHONE_CALL", "outcome", "NO_ANSWER")).execute()
                .path("recordTouchpoint.touchpoint").valueIsNull()
                .path("recordTouchpoint.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND")
                .path("recordTouchpoint.userErrors[0].message").entity(String.class).isEqualTo("no such customer");
    }

    @Test
    void trackingTokensAreHiddenFromEveryoneButAdmins() {
        String touchpointId = as(rmToken).documentName("mobile/LogVisit").variable("input", Map.of(
                "customerId", ownCustomer, "channel", "PHONE_CALL", "outcome", "NO_ANSWER")).execute()
                .path("recordTouchpoint.touchpoint.id").entity(String.class).get();
        as(rmToken).document("query($id: ID!) { node(id: $id) { ... on Touchpoint { status reason trackingToken } } }")
                .variable("id", touchpointId).execute()
                .path("node.status").entity(String.class).isEqualTo("FAILED")
                .path("node.reason").entity(String.class).isEqualTo("no answer")
                .path("node.trackingToken").valueIsNull();
    }

    private String idOf(String token, String ref) {
        return as(token).documentName("feed/CustomerByRef").variable("externalRef", ref).execute()
                .path("customerByRef.id").entity(String.class).get();
    }
}
