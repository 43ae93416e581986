package dev.strata.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Visits: ONE_ID prospects and leads in the RM's book, referrals, the radar in the RM's scope only, and throttling. */
class CardVisitTests extends CardTestSupport {

    @Test
    void aReturningVisitorIsTheSamePersonAnOutreachProspectInTheRmsBook() {
        String openid = unique("o-ret");
        visited(slugA, openid, "VIEW", Map.of());
        visited(slugA, openid, "CALL_TAP", Map.of());
        visited(slugA, openid, "VIEW", Map.of());
        List<Map> radar = asRmA.document(RADAR).execute().path("cardVisitors.edges[*].node").entityList(Map.class).get();
        assertThat(radar).singleElement().satisfies(v -> {
            assertThat(v).containsEntry("visits", 3).containsEntry("callTaps", 1).containsEntry("leftContact", false);
            assertThat((Map<String, Object>) v.get("customer")).containsEntry("source", "OUTREACH")
                    .containsEntry("lifecycleStage", "PROSPECT");
            assertThat((Double) v.get("heat")).isEqualTo(7.0);
        });
        asRmA.document("{ customers(first: 100) { edges { node { id } } } }").execute()
                .path("customers.edges[*].node.id").entityList(String.class)
                .contains((String) ((Map<?, ?>) radar.get(0).get("customer")).get("id"));
        anonymous().documentName("business-card/BusinessCard").variable("slug", slugA).execute()
                .path("businessCard.visitCount").entity(Integer.class).isEqualTo(3);
    }

    @Test
    void leavingContactMakesALeadWithATaskAndASameNumberIsOfferedForConfirmationNotMerged() {
        visited(slugA, unique("o-lead1"), "LEAVE_CONTACT", Map.of("name", "钱多多", "phone", "13700001111", "consent", true));
        visited(slugA, null, "LEAVE_CONTACT", Map.of("name", "钱先生", "phone", "13700001111", "consent", true));
        List<Map> radar = asRmA.document(RADAR).execute().path("cardVisitors.edges[*].node").entityList(Map.class).get();
        assertThat(radar).hasSize(2);
        Map<String, Object> second = radar.get(0);
        Map<String, Object> first = radar.get(1);
        assertThat(second).containsEntry("visitorName", "钱先生");
        assertThat(((Map<?, ?>) second.get("possibleMatch")).get("id"))
                .isEqualTo(((Map<?, ?>) first.get("customer")).get("id"));
        assertThat(((Map<?, ?>) second.get("customer")).get("id")).isNotEqualTo(((Map<?, ?>) first.get("customer")).get("id"));
        asRmA.document("{ myTasks(first: 50) { edges { node { title status overdue } } } }").execute()
                .path("myTasks.edges[*].node.title").entityList(String.class)
                .contains("名片留资：联系 钱多多", "名片留资：联系 钱先生");
        visit(slugA, unique("o-lead2"), "LEAVE_CONTACT", Map.of("name", "x", "phone", "13700001111", "consent", false))
                .path("recordCardVisit.userErrors[0].code").entity(String.class).isEqualTo("CONSENT_REQUIRED");
    }

    @Test
    void sharesRecordWhoBroughtWhomAlongAChain() {
        String alice = unique("o-alice");
        String bob = unique("o-bob");
        String carol = unique("o-carol");
        visited(slugA, alice, "VIEW", Map.of());
        visited(slugA, bob, "SHARE", Map.of("sharer", Map.of("channel", "WECHAT", "externalId", alice)));
        visited(slugA, carol, "SHARE", Map.of("sharer", Map.of("channel", "WECHAT", "externalId", bob)));
        List<Map> radar = asRmA.document(RADAR).execute().path("cardVisitors.edges[*].node").entityList(Map.class).get();
        Map<String, String> referrerOf = new java.util.HashMap<>();
        radar.forEach(v -> {
            Map<?, ?> customer = (Map<?, ?>) v.get("customer");
            Map<?, ?> referredBy = (Map<?, ?>) customer.get("referredBy");
            referrerOf.put((String) customer.get("id"), referredBy == null ? null : (String) referredBy.get("id"));
        });
        String carolId = (String) ((Map<?, ?>) radar.get(0).get("customer")).get("id");
        String bobId = (String) ((Map<?, ?>) radar.get(1).get("customer")).get("id");
        String aliceId = (String) ((Map<?, ?>) radar.get(2).get("customer")).get("id");
        assertThat(referrerOf).containsEntry(carolId, bobId).containsEntry(bobId, aliceId).containsEntry(aliceId, null);
    }

    @Test
    void anRmSeesOnlyTheirOwnRadarAndAnotherRmsCustomerShowsMasked() {
        String openid = unique("o-both");
        visited(slugB, openid, "VIEW", Map.of());
        visited(slugB, openid, "LEAVE_CONTACT", Map.of("name", "孙悦", "phone", "13600002222", "consent", true));
        visited(slugA, openid, "VIEW", Map.of());
        Map<String, Object> onA = asRmA.document(RADAR).execute().path("cardVisitors.edges[0].node").entity(Map.class).get();
        assertThat(onA).containsEntry("visitorName", "孙**").containsEntry("customer", null).containsEntry("visits", 1);
        asRmA.documentName("mobile/CardVisitors").variable("first", 20).execute()
                .path("cardVisitors.totalCount").entity(Integer.class).isEqualTo(1);
        asRmB.document(RADAR).execute().path("cardVisitors.edges[0].node.visitorName").entity(String.class).isEqualTo("孙悦");
        assertClassification(asBranchManager.document(RADAR).execute(), "FORBIDDEN");
        assertClassification(asMarketer.document(RADAR).execute(), "FORBIDDEN");
        assertClassification(anonymous().document(RADAR).execute(), "UNAUTHORIZED");
    }

    @Test
    void concurrentVisitsWrittenTogetherMakeOnePersonPerVisitorCountEveryVisitAndListEachEventOnce() throws Exception {
        String returning = unique("o-burst-ret");
        visited(slugA, returning, "VIEW", Map.of());
        List<String> newcomers = List.of(unique("o-burst-1"), unique("o-burst-2"), unique("o-burst-3"));
        List<Runnable> visits = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            visits.add(() -> visited(slugA, returning, "CALL_TAP", Map.of()));
            for (String newcomer : newcomers) {
                visits.add(() -> visited(slugA, newcomer, "VIEW", Map.of()));
            }
        }
        visits.add(() -> visited(slugA, newcomers.get(0), "SHARE",
                Map.of("sharer", Map.of("channel", "WECHAT", "externalId", returning))));
        visits.add(() -> visited(slugA, newcomers.get(1), "LEAVE_CONTACT",
                Map.of("name", "赵并发", "phone", "13500003333", "consent", true)));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(12);
        try {
            for (var done : pool.invokeAll(visits.stream().map(java.util.concurrent.Executors::callable).toList())) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<Map> radar = asRmA.document(RADAR).execute().path("cardVisitors.edges[*].node").entityList(Map.class).get();
        Map<Object, Integer> visitsByCustomer = new java.util.HashMap<>();
        radar.forEach(v -> visitsByCustomer.merge(((Map<?, ?>) v.get("customer")).get("id"), (Integer) v.get("visits"),
                Integer::sum));
        assertThat(visitsByCustomer.values()).containsExactlyInAnyOrder(7, 7, 7, 6);
        for (Map<?, ?> entry : radar) {
            String id = (String) ((Map<?, ?>) entry.get("customer")).get("id");
            List<String> events = asRmA.document("query($id: ID!) { customer(id: $id) { recentEvents { id } } }")
                    .variable("id", id).execute().path("customer.recentEvents[*].id").entityList(String.class).get();
            assertThat(events).doesNotHaveDuplicates().hasSize((Integer) entry.get("visits"));
        }
        assertThat(radar).filteredOn(v -> "赵并发".equals(v.get("visitorName"))).singleElement()
                .satisfies(v -> assertThat(v).containsEntry("leftContact", true));
        assertThat(radar).filteredOn(v -> ((Map<?, ?>) v.get("customer")).get("referredBy") != null).hasSize(1);
    }

    @Test
    void thePublicAnswerTellsNothingAndACardPastItsBudgetIsThrottled() {
        String openid = unique("o-flood");
        Map<String, Object> answer = visit(slugB, openid, "VIEW", Map.of()).path("recordCardVisit").entity(Map.class).get();
        assertThat(answer).containsOnlyKeys("recorded", "userErrors").containsEntry("recorded", true);
        int refused = 0;
        for (int i = 0; i < 100; i++) { // more than twice the budget, so a window that rolls over mid-loop still leaves refusals
            List<Map> errors = visit(slugB, openid, "VIEW", Map.of()).path("recordCardVisit.userErrors")
                    .entityList(Map.class).get();
            if (!errors.isEmpty()) {
                assertThat(errors.get(0)).containsEntry("code", "RATE_LIMITED");
                refused++;
            }
        }
        assertThat(refused).isGreaterThanOrEqualTo(5);
    }
}
