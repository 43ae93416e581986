package dev.strata.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.strata.event.SystemEvents;
import dev.strata.graphql.GlobalId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The RM's tasks from leads and churn, a branch manager's tasks, new tasks and handovers, each in its scope. */
class WorkbenchTasksTests extends CardTestSupport {

    private static final String MY_TASKS = "{ myTasks(first: 100) { edges { node { id title overdue status customer { id } } } } }";

    @Autowired
    SystemEvents systemEvents;

    private String leadOf(String slug, String name, String phone) {
        visited(slug, unique("o-t"), "LEAVE_CONTACT", Map.of("name", name, "phone", phone, "consent", true));
        return anyVisitorId(slug.equals(slugA) ? asRmA : asRmB, name);
    }

    private String anyVisitorId(org.springframework.graphql.test.tester.HttpGraphQlTester rm, String name) {
        List<Map> radar = rm.document(RADAR).execute().path("cardVisitors.edges[*].node").entityList(Map.class).get();
        return radar.stream().filter(v -> name.equals(v.get("visitorName")))
                .map(v -> (String) ((Map<?, ?>) v.get("customer")).get("id")).findFirst().orElseThrow();
    }

    @Test
    void aBranchManagerCreatesAndSeesTheirBranchsTasksAndAnRmOnlyTheirOwn() {
        String customer = leadOf(slugA, "周到", "13500003333");
        asBranchManager.document("""
                mutation($i: CreateTaskInput!) { createTask(input: $i) { task { title overdue manager { code } } userErrors { code } } }""")
                .variable("i", Map.of("customerId", customer, "title", "上门拜访", "dueAt", Instant.now().minusSeconds(3600).toString()))
                .execute().path("createTask.userErrors").entityList(Object.class).hasSize(0)
                .path("createTask.task.overdue").entity(Boolean.class).isEqualTo(true)
                .path("createTask.task.manager.code").entity(String.class).isEqualTo(rmA);
        asRmA.documentName("mobile/MyTasks").variable("first", 100).execute()
                .path("myTasks.edges[*].node.title").entityList(String.class).contains("上门拜访");
        asRmB.document(MY_TASKS).execute().path("myTasks.edges[*].node.title").entityList(String.class)
                .doesNotContain("上门拜访");
        asBranchManager.document("query($f: TaskFilter) { tasks(filter: $f, first: 100) { edges { node { title overdue } } } }")
                .variable("f", Map.of("managerCode", rmA, "overdue", true)).execute()
                .path("tasks.edges[*].node.title").entityList(String.class).containsExactly("上门拜访");
        assertClassification(asRmA.document("{ tasks(first: 5) { totalCount } }").execute(), "FORBIDDEN");
        asRmB.document("""
                mutation($i: CreateTaskInput!) { createTask(input: $i) { userErrors { code } } }""")
                .variable("i", Map.of("customerId", customer, "title", "x", "dueAt", Instant.now().toString()))
                .execute().errors().satisfy(errors -> assertThat(errors).isNotEmpty());
        asBranchManager.document("mutation($i: CreateTaskInput!) { createTask(input: $i) { userErrors { code } } }")
                .variable("i", Map.of("customerId", GlobalId.encode("Customer", "ffffffffffffffffffffffff"), "title", "x",
                        "dueAt", Instant.now().toString()))
                .execute().path("createTask.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
    }

    @Test
    void aCustomerCrossingTheChurnThresholdBecomesATaskForTheirRmOnce() {
        String customer = leadOf(slugA, "吴忧", "13500004444");
        String local = GlobalId.decode(customer).localId();
        for (int i = 0; i < 2; i++) {
            systemEvents.record(List.of(new SystemEvents.SystemEvent(local, "CHURN_RISK_HIGH", Instant.now(),
                    Map.of("churnRisk", "81.0"))));
        }
        asRmA.document(MY_TASKS).execute().path("myTasks.edges[*].node.title").entityList(String.class)
                .satisfies(titles -> assertThat(titles.stream().filter(t -> t.equals("流失预警：挽留回访 吴忧"))).hasSize(1));
    }

    @Test
    void aHandoverMovesTheBookTheOpenTasksAndTheCardLeads() {
        String customer = leadOf(slugA, "郑重", "13500005555");
        Map<String, Object> moved = asBranchManager.document("""
                mutation($i: ReassignCustomersInput!) { reassignCustomers(input: $i) { customersMoved tasksMoved userErrors { code } } }""")
                .variable("i", Map.of("fromManagerCode", rmA, "toManagerCode", rmB, "customerIds", List.of(customer)))
                .execute().path("reassignCustomers").entity(Map.class).get();
        assertThat(moved).containsEntry("customersMoved", 1).containsEntry("tasksMoved", 1);
        asRmB.document(MY_TASKS).execute().path("myTasks.edges[*].node.title").entityList(String.class)
                .contains("名片留资：联系 郑重");
        assertThat(anyVisitorId(asRmB, "郑重")).isEqualTo(customer);
        asRmA.document(RADAR).execute().path("cardVisitors.edges[*].node.visitorName").entityList(String.class)
                .doesNotContain("郑重");
        asRmA.document("""
                mutation($i: ReassignCustomersInput!) { reassignCustomers(input: $i) { userErrors { code } } }""")
                .variable("i", Map.of("fromManagerCode", rmB, "toManagerCode", rmA)).execute()
                .errors().satisfy(errors -> assertThat(errors).isNotEmpty());
    }
}
