package dev.strata.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.strata.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tier service plans: ADMIN sets the intervals; the run makes one task per due customer and period, none for the contacted. */
class ServicePlanTests extends CardTestSupport {

    private static final String RUN = "mutation { runServicePlans(input: {}) { tasksCreated userErrors { code } } }";
    private static final String SET = """
            mutation($i: UpdateTierServicePlanInput!) { updateTierServicePlan(input: $i) {
              plan { version intervals { tier everyDays } } userErrors { field code } } }""";

    @AfterEach
    void defaultsAgain() {
        asAdmin().document(SET).variable("i", Map.of("intervals", List.of(Map.of("tier", "DIAMOND", "everyDays", 30),
                Map.of("tier", "PLATINUM", "everyDays", 60), Map.of("tier", "GOLD", "everyDays", 90)))).execute();
    }

    @Test
    void theDefaultsCallDiamondEvery30PlatinumEvery60GoldEvery90AndOrdinaryNever() {
        asRmA.document("{ tierServicePlan { intervals { tier everyDays } } }").execute()
                .path("tierServicePlan.intervals").entityList(Map.class).satisfies(rows -> assertThat(rows)
                        .anySatisfy(r -> assertThat(r).containsEntry("tier", "PLATINUM").containsEntry("everyDays", 60))
                        .anySatisfy(r -> assertThat(r).containsEntry("tier", "ORDINARY").containsEntry("everyDays", null)));
    }

    @Test
    void onlyAnAdminChangesThePlanAndABadIntervalIsRefusedWhereItIs() {
        assertThat(asRmA.document(SET).variable("i", Map.of("intervals", List.of(Map.of("tier", "GOLD", "everyDays", 10))))
                .execute().returnResponse().getErrors()).isNotEmpty();
        asAdmin().document(SET).variable("i", Map.of("intervals", List.of(Map.of("tier", "GOLD", "everyDays", 0))))
                .execute().path("updateTierServicePlan.userErrors[0].field").entityList(String.class)
                .containsExactly("intervals", "0", "everyDays");
        asAdmin().documentName("admin/UpdateTierServicePlan")
                .variable("input", Map.of("intervals", List.of(Map.of("tier", "GOLD", "everyDays", 45)))).execute().path("updateTierServicePlan.userErrors").entityList(Object.class).hasSize(0)
                .path("updateTierServicePlan.plan.intervals[?(@.tier == 'GOLD')].everyDays").entityList(Integer.class)
                .containsExactly(45)
                .path("updateTierServicePlan.plan.intervals[?(@.tier == 'DIAMOND')].everyDays").entityList(Integer.class)
                .containsExactly(30);
    }

    @Test
    void aDueCustomerGetsOneTaskPerPeriodAndAContactedOneNone() {
        String due = book.customer(rmA, "6100000.00");
        String contacted = book.customer(rmA, "6200000.00");
        book.customer(rmA, "1000.00");
        asRmA.document("""
                mutation($i: RecordTouchpointInput!) { recordTouchpoint(input: $i) { userErrors { code } } }""")
                .variable("i", Map.of("customerId", contacted, "channel", "PHONE_CALL", "outcome", "REACHED")).execute()
                .path("recordTouchpoint.userErrors").entityList(Object.class).hasSize(0);

        asAdmin().documentName("admin/RunServicePlans").variable("input", Map.of()).execute().path("runServicePlans.tasksCreated").entity(Integer.class)
                .satisfies(n -> assertThat(n).isGreaterThanOrEqualTo(1));
        assertThat(asAdmin().documentName("admin/RunServicePlans").variable("input", Map.of()).execute().path("runServicePlans.tasksCreated").entity(Integer.class).get())
                .isZero();
        List<Map> tasks = asRmA.document("{ myTasks(first: 100) { edges { node { title customer { id } } } } }").execute()
                .path("myTasks.edges[*].node").entityList(Map.class).get();
        assertThat(tasks.stream().filter(t -> ((Map<?, ?>) t.get("customer")).get("id").equals(due))).hasSize(1)
                .allSatisfy(t -> assertThat((String) t.get("title")).startsWith("服务计划：DIAMOND"));
        assertThat(tasks).noneMatch(t -> ((Map<?, ?>) t.get("customer")).get("id").equals(contacted));
        assertThat(tasks).allMatch(t -> ((String) t.get("title")).startsWith("服务计划：DIAMOND"));
        assertThat(as(userToken(unique("mk"), Role.MARKETER)).document(RUN).execute().returnResponse().getErrors())
                .isNotEmpty();
    }
}
