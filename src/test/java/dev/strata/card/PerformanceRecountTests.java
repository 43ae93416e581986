package dev.strata.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.strata.customer.Customer;
import dev.strata.graphql.GlobalId;
import dev.strata.shared.Channel;
import dev.strata.shared.Tier;
import dev.strata.task.Survey;
import dev.strata.task.Task;
import dev.strata.touchpoint.Touchpoint;
import dev.strata.touchpoint.TouchpointStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/** managerPerformance equals a plain recount from the stored documents, for each role's scope. */
class PerformanceRecountTests extends CardTestSupport {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String REPORT = """
            query($from: Date!, $to: Date!, $b: String) { managerPerformance(from: $from, to: $to, branchCode: $b) {
              manager { code } rank customers aum aumGrowth upgrades downgrades contacts tasksDone tasksOnTime conversions
              cardVisits leads servicePlanCustomers servicePlanCovered surveyAnswers satisfaction } }""";

    @Autowired
    MongoTemplate mongo;

    @Test
    void everyRmsNumbersEqualARecountAndEachRoleSeesOnlyItsRms() {
        LocalDate today = LocalDate.now(ZONE);
        LocalDate from = today.minusDays(30);
        String gold = book.customer(rmA, "60000.00", "80000.00");
        String diamond = book.customer(rmA, "6100000.00");
        String rising = book.customer(rmA, "1000.00");
        book.customer(rmA, "1000.00");
        String ofB = book.customer(rmB, "700000.00");
        book.customer(rmA, "600000.00");
        mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(local(rising))),
                new org.springframework.data.mongodb.core.query.Update().push("tierHistory",
                        new Customer.TierChange(Tier.GOLD, Tier.ORDINARY, Instant.now().minusSeconds(3600), "test")),
                Customer.class);
        contact(asRmA, gold, "REACHED");
        contact(asRmA, diamond, "NO_ANSWER");
        contact(asRmB, ofB, "CONVERTED");
        String task = asBranchManager.document("""
                mutation($i: CreateTaskInput!) { createTask(input: $i) { task { id } } }""")
                .variable("i", Map.of("customerId", gold, "title", "回访", "dueAt", Instant.now().plusSeconds(86_400).toString()))
                .execute().path("createTask.task.id").entity(String.class).get();
        String token = asRmA.document("""
                mutation($i: CompleteTaskInput!) { completeTask(input: $i) { touchpoint { surveyToken } } }""")
                .variable("i", Map.of("taskId", task, "outcome", "CONVERTED")).execute()
                .path("completeTask.touchpoint.surveyToken").entity(String.class).get();
        anonymous().document("mutation($i: RecordSurveyAnswerInput!) { recordSurveyAnswer(input: $i) { recorded } }")
                .variable("i", Map.of("token", token, "score", 4)).execute()
                .path("recordSurveyAnswer.recorded").entity(Boolean.class).isEqualTo(true);
        visited(slugA, unique("o-p"), "VIEW", Map.of());
        visited(slugA, unique("o-p"), "LEAVE_CONTACT", Map.of("name", "钱多", "phone", "13700007777", "consent", true));

        List<Map> asMarketerRows = report(asMarketer, from, today, branch);
        assertThat(asMarketerRows).hasSize(2);
        for (Map row : asMarketerRows) {
            assertThat(withoutRank(row)).isEqualTo(recount((String) ((Map<?, ?>) row.get("manager")).get("code"), from, today));
        }
        Map<?, ?> a = asMarketerRows.stream().filter(r -> ((Map<?, ?>) r.get("manager")).get("code").equals(rmA)).findFirst().orElseThrow();
        assertThat(a.get("upgrades")).isNotEqualTo(0);
        assertThat(a.get("downgrades")).isEqualTo(1);
        assertThat(a.get("tasksOnTime")).isEqualTo(1);
        assertThat(a.get("satisfaction")).isEqualTo(4.0);
        assertThat(a.get("leads")).isEqualTo(1);
        assertThat(report(asBranchManager, from, today, null)).extracting(r -> (Object) ((Map<?, ?>) r.get("manager")).get("code"))
                .containsExactlyInAnyOrder(rmA, rmB);
        assertThat(report(asBranchManager, from, today, null)).extracting(r -> (Object) r.get("rank")).containsExactly(1, 2);
        assertThat(report(asRmB, from, today, branch)).extracting(r -> (Object) ((Map<?, ?>) r.get("manager")).get("code"))
                .containsExactly(rmB);
        assertThat(report(asBranchManager, from, today, unique("ELSEWHERE"))).isEmpty();
        asRmA.documentName("mobile/ManagerPerformance").variable("from", from.toString()).variable("to", today.toString())
                .execute().path("managerPerformance[*].manager.code").entityList(String.class).containsExactly(rmA);
        assertThat(report(asRmA, from, today, null)).hasSize(1).first().satisfies(row -> assertThat(withoutRank(row))
                .isEqualTo(withoutRank(a)));
    }

    private void contact(org.springframework.graphql.test.tester.HttpGraphQlTester rm, String customer, String outcome) {
        rm.document("mutation($i: RecordTouchpointInput!) { recordTouchpoint(input: $i) { userErrors { code } } }")
                .variable("i", Map.of("customerId", customer, "channel", "PHONE_CALL", "outcome", outcome)).execute()
                .path("recordTouchpoint.userErrors").entityList(Object.class).hasSize(0);
    }

    private List<Map> report(org.springframework.graphql.test.tester.HttpGraphQlTester who, LocalDate from, LocalDate to,
            String branchCode) {
        Map<String, Object> vars = new HashMap<>(Map.of("from", from.toString(), "to", to.toString()));
        vars.put("b", branchCode);
        return who.document(REPORT).variables(vars).execute().path("managerPerformance").entityList(Map.class).get();
    }

    private static Map<String, Object> withoutRank(Map<?, ?> row) {
        Map<String, Object> copy = new HashMap<>();
        row.forEach((k, v) -> copy.put((String) k, v));
        copy.remove("rank");
        copy.remove("manager");
        return copy;
    }

    private static String local(String globalId) {
        return GlobalId.decode(globalId).localId();
    }

    /** The numbers as a person would count them: every stored document of the RM, read one by one. */
    private Map<String, Object> recount(String rm, LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(ZONE).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZONE).toInstant();
        List<Customer> bookNow = mongo.findAll(Customer.class).stream()
                .filter(c -> rm.equals(c.managerCode()) && c.mergedInto() == null).toList();
        Set<String> ids = new java.util.HashSet<>(bookNow.stream().map(Customer::id).toList());
        BigDecimal aum = BigDecimal.ZERO;
        BigDecimal growth = BigDecimal.ZERO;
        int up = 0;
        int down = 0;
        int planned = 0;
        int covered = 0;
        Map<Tier, Integer> every = Map.of(Tier.DIAMOND, 30, Tier.PLATINUM, 60, Tier.GOLD, 90);
        for (Customer c : bookNow) {
            BigDecimal now = c.assets().aum() == null ? BigDecimal.ZERO : c.assets().aum();
            aum = aum.add(now);
            for (Customer.MonthlyBalance m : c.balanceMonths()) {
                if (m.month().equals(YearMonth.from(from).toString()) && m.avgDailyAum() != null) {
                    growth = growth.add(now.subtract(m.avgDailyAum()));
                }
            }
            for (Customer.TierChange t : c.tierHistory()) {
                if (!t.at().isBefore(start) && t.at().isBefore(end)) {
                    int was = t.from() == null ? 0 : t.from().ordinal();
                    up += t.to().ordinal() > was ? 1 : 0;
                    down += t.to().ordinal() < was ? 1 : 0;
                }
            }
            if (every.containsKey(c.tier())) {
                planned++;
                Instant limit = Instant.now().minusSeconds(every.get(c.tier()) * 86_400L + 60);
                if (c.recentTouchpoints().stream().anyMatch(t -> (t.channel() == Channel.PHONE_CALL
                        || t.channel() == Channel.BRANCH_VISIT) && !t.status().equals("FAILED") && t.at().isAfter(limit))) {
                    covered++;
                }
            }
        }
        List<Touchpoint> touchpoints = mongo.findAll(Touchpoint.class).stream().filter(t -> ids.contains(t.customerId())).toList();
        long contacts = touchpoints.stream().filter(t -> (t.channel() == Channel.PHONE_CALL || t.channel() == Channel.BRANCH_VISIT)
                && !t.createdAt().isBefore(start) && t.createdAt().isBefore(end)).count();
        long conversions = touchpoints.stream().filter(t -> t.status() == TouchpointStatus.CONVERTED && t.convertedAt() != null
                && !t.convertedAt().isBefore(start) && t.convertedAt().isBefore(end)).count();
        List<Task> done = mongo.findAll(Task.class).stream().filter(t -> rm.equals(t.managerCode())
                && t.status() == Task.TaskStatus.DONE && !t.completedAt().isBefore(start) && t.completedAt().isBefore(end)).toList();
        List<CardDay> days = mongo.findAll(CardDay.class).stream().filter(d -> rm.equals(d.managerCode())
                && !d.day().isBefore(from) && !d.day().isAfter(to)).toList();
        List<Survey> answers = mongo.findAll(Survey.class).stream().filter(s -> rm.equals(s.managerCode())
                && s.answeredAt() != null && !s.answeredAt().isBefore(start) && s.answeredAt().isBefore(end)).toList();
        Map<String, Object> expected = new HashMap<>();
        expected.put("customers", bookNow.size());
        expected.put("aum", aum.setScale(2).toPlainString());
        expected.put("aumGrowth", growth.setScale(2).toPlainString());
        expected.put("upgrades", up);
        expected.put("downgrades", down);
        expected.put("contacts", (int) contacts);
        expected.put("tasksDone", done.size());
        expected.put("tasksOnTime", (int) done.stream().filter(t -> !t.completedAt().isAfter(t.dueAt())).count());
        expected.put("conversions", (int) conversions);
        expected.put("cardVisits", (int) days.stream().mapToLong(CardDay::visits).sum());
        expected.put("leads", (int) days.stream().mapToLong(CardDay::leads).sum());
        expected.put("servicePlanCustomers", planned);
        expected.put("servicePlanCovered", covered);
        expected.put("surveyAnswers", answers.size());
        expected.put("satisfaction", answers.isEmpty() ? null
                : Math.round(answers.stream().mapToInt(Survey::score).average().orElseThrow() * 1000) / 1000.0);
        return expected;
    }
}
