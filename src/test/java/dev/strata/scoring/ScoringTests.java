package dev.strata.scoring;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.strata.customer.Customer;
import dev.strata.rule.RuleEvaluator;
import dev.strata.rule.SegmentRule;
import dev.strata.security.Role;
import dev.strata.shared.Tier;
import dev.strata.support.StrataIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scoring end to end: the feed places customers in tiers at once with reasons, events and the model version; a model
 * change is a new version that rescores everyone in the background, keeps a GOLD customer GOLD through retention,
 * labels churners; analytics equal a recount of the stored customers.
 */
class ScoringTests extends StrataIntegrationTest {

    @Autowired
    private MongoTemplate mongo;
    @Autowired
    private RuleEvaluator evaluator;

    private String branch;
    private String rm;

    @BeforeEach
    void organisation() {
        branch = unique("SB");
        rm = unique("SRM");
        asAdmin().documentName("admin/UpsertBranches")
                .variable("input", Map.of("branches", List.of(Map.of("code", branch, "name", "苏州分行", "city", "苏州"))))
                .execute().path("upsertBranches.userErrors").entityList(Object.class).hasSize(0);
        asAdmin().documentName("admin/UpsertRelationshipManagers")
                .variable("input", Map.of("managers", List.of(Map.of("code", rm, "name", "赵敏", "branchCode", branch))))
                .execute().path("upsertRelationshipManagers.userErrors").entityList(Object.class).hasSize(0);
    }

    @Test
    void theFeedPlacesCustomersAtOnceAndAModelChangeRescoresEveryoneWithItsVersion() {
        String ref = unique("S");
        feed(row(ref + "G", "62310.50", null), row(ref + "O", "10000", null), row(ref + "P", "700000", null));
        Customer gold = byRef(ref + "G");
        int v1 = gold.value().modelVersion();
        assertThat(gold.tier()).isEqualTo(Tier.GOLD);
        assertThat(gold.tierHistory()).extracting(Customer.TierChange::reason)
                .containsExactly("monthly average daily deposit 62,310.50 ≥ GOLD 50,000");
        assertThat(gold.value().quadrant()).isNotNull();
        String goldId = dev.strata.graphql.GlobalId.encode("Customer", gold.id());
        asAdmin().documentName("mobile/CustomerValue").variable("id", goldId).execute()
                .path("customer.value.modelVersion").entity(Integer.class).isEqualTo(v1)
                .path("customer.scoreExplanation[*].indicator").entityList(String.class).hasSize(Indicator.values().length)
                .path("customer.recommendations[*].reason").entityList(String.class)
                .satisfies(reasons -> assertThat(reasons).allMatch(r -> r.contains("R1 products only")));
        asAdmin().documentName("admin/RecomputeScores").variable("input", Map.of("customerIds", List.of(goldId))).execute()
                .path("recomputeScores.rescored").entity(Integer.class).isEqualTo(1)
                .path("recomputeScores.changed").entity(Integer.class).isEqualTo(0);
        assertThat(byRef(ref + "O").tier()).isEqualTo(Tier.ORDINARY);
        assertThat(byRef(ref + "O").tierHistory()).isEmpty();
        assertThat(byRef(ref + "P").tier()).isEqualTo(Tier.PLATINUM);
        assertThat(mongo.count(Query.query(Criteria.where("customerId").is(gold.id()).and("type").is("TIER_CHANGED")),
                dev.strata.event.Event.class)).isEqualTo(1);
        assertThat(gold.recentEvents()).extracting(Customer.RecentEvent::type).contains("TIER_CHANGED");

        // A churner: products closed, no login for 200 days, silent.
        Map<String, Object> churner = row(ref + "C", "1000", Instant.now().minus(Duration.ofDays(200)));
        churner.put("products", List.of(Map.of("code", product("A")), Map.of("code", product("B"))));
        feed(churner);
        churner.put("products", List.of());
        feed(churner);

        Map<String, Object> input = Map.of("goldThreshold", "70000", "churnRiskThreshold", 40.0,
                "weights", List.of(Map.of("indicator", "ASSET_CONTRIBUTION", "weight", 0.6)));
        Map<String, Object> payload = asAdmin().documentName("admin/UpdateScoringModel").variable("input", input).execute()
                .path("updateScoringModel").entity(new ParameterizedTypeReference<Map<String, Object>>() {
                }).get();
        assertThat((List<?>) payload.get("userErrors")).isEmpty();
        @SuppressWarnings("unchecked")
        Map<String, Object> run = (Map<String, Object>) payload.get("run");
        assertThat((Integer) payload.get("queued")).isPositive();
        awaitDone((String) run.get("id"));
        int v2 = v1 + 1;

        Customer goldAfter = byRef(ref + "G");
        assertThat(goldAfter.tier()).as("below the new line, but retention keeps the tier").isEqualTo(Tier.GOLD);
        assertThat(goldAfter.value().modelVersion()).as("its current value moved with the new weight").isEqualTo(v2);
        assertThat(asAdmin().document("{ scoringModel { version } old: scoringModel(version: " + v1 + ") { goldThreshold } }")
                .execute().path("scoringModel.version").entity(Integer.class).get()).isEqualTo(v2);
        Customer churned = byRef(ref + "C");
        assertThat(churned.value().churnRisk()).isGreaterThanOrEqualTo(40.0);
        assertThat(churned.labels()).extracting(Customer.AppliedLabel::key).contains("high-churn-risk");
        assertThat(churned.lifecycleStage().name()).isEqualTo("CHURNED");
        assertThat(mongo.count(Query.query(Criteria.where("customerId").is(churned.id()).and("type").is("CHURN_RISK_HIGH")),
                dev.strata.event.Event.class)).isEqualTo(1);
        // The alert is written on the portrait with the scores and counted in the index: a segment on it finds the churner.
        dev.strata.event.Event alert = mongo.findOne(Query.query(Criteria.where("customerId").is(churned.id())
                .and("type").is("CHURN_RISK_HIGH")), dev.strata.event.Event.class);
        assertThat(churned.recentEvents()).extracting(Customer.RecentEvent::eventId).contains(alert.id());
        assertThat(evaluator.members(new SegmentRule(null, null, null, null, null, null, null, null, null, null, null, null,
                new SegmentRule.EventCondition("CHURN_RISK_HIGH", null, 1, 1), null, null, null))
                .contains(Math.toIntExact(churned.seq()))).isTrue();
        feed(row(ref + "N", "65000", null));
        assertThat(byRef(ref + "N").tier()).as("a new customer under the new line").isEqualTo(Tier.ORDINARY);

        Map<String, Object> back = Map.of("goldThreshold", "50000", "churnRiskThreshold", 60.0,
                "weights", List.of(Map.of("indicator", "ASSET_CONTRIBUTION", "weight", 0.5)));
        String backRun = asAdmin().documentName("admin/UpdateScoringModel").variable("input", back).execute()
                .path("updateScoringModel.run.id").entity(String.class).get();
        awaitDone(backRun);
        assertThat(byRef(ref + "C").labels()).extracting(Customer.AppliedLabel::key).doesNotContain("high-churn-risk");
    }

    @Test
    void refusedModelChangesStoreNothing() {
        int before = asAdmin().document("{ scoringModel { version } }").execute().path("scoringModel.version")
                .entity(Integer.class).get();
        asAdmin().documentName("admin/UpdateScoringModel").variable("input", Map.of("platinumThreshold", "1000",
                "weights", List.of(Map.of("indicator", "COST", "weight", -1)))).execute()
                .path("updateScoringModel.model").valueIsNull()
                .path("updateScoringModel.userErrors[*].code").entityList(String.class).containsExactly("INVALID", "INVALID");
        assertThat(asAdmin().document("{ scoringModel { version } }").execute().path("scoringModel.version")
                .entity(Integer.class).get()).isEqualTo(before);
        String marketer = userToken(unique("mkt"), Role.MARKETER);
        assertClassification(as(marketer).documentName("admin/UpdateScoringModel")
                .variable("input", Map.of("retentionMonths", 2)).execute(), "FORBIDDEN");
    }

    @Test
    void analyticsEqualARecountOfTheStoredCustomers() {
        String ref = unique("A");
        feed(row(ref + "1", "80000", null), row(ref + "2", "900000", null), row(ref + "3", "100", null),
                row(ref + "4", "7000000", null));
        String branchManager = userToken(unique("bm"), List.of(Role.BRANCH_MANAGER), branch, null);
        List<Customer> all = mongo.find(Query.query(Criteria.where("mergedInto").exists(false)), Customer.class);
        for (String viewer : List.of(adminToken(), branchManager)) {
            // Other test classes insert raw documents the index only learns of by its catch-up poll, so the admin asks for
            // this test's branch (the branchCode filter) and the branch manager for everything they see (their scope).
            boolean admin = viewer.equals(adminToken());
            List<Customer> seen = all.stream().filter(c -> branch.equals(c.branchCode())).toList();
            Map<String, Integer> tiers = new HashMap<>();
            Map<String, Integer> quadrants = new HashMap<>();
            Map<String, java.math.BigDecimal> quadrantAum = new HashMap<>();
            Map<String, Integer> moves = new HashMap<>();
            ZoneId zone = ZoneId.of("Asia/Shanghai");
            Instant from = LocalDate.now(zone).minusDays(30).plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1);
            Instant to = LocalDate.now(zone).plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1);
            for (Customer c : seen) {
                tiers.merge(c.tier().name(), 1, Integer::sum);
                if (c.value().quadrant() != null) {
                    quadrants.merge(c.value().quadrant().name(), 1, Integer::sum);
                    if (c.assets().aum() != null) {
                        quadrantAum.merge(c.value().quadrant().name(), c.assets().aum(), java.math.BigDecimal::add);
                    }
                }
                moves.merge(tierAt(c, from) + ">" + tierAt(c, to), 1, Integer::sum);
            }
            var response = as(viewer).documentName("mobile/BranchDashboard").variable("branchCode", admin ? branch : null)
                    .variable("from", LocalDate.now(zone).minusDays(30).toString())
                    .variable("to", LocalDate.now(zone).toString()).execute();
            Map<String, Integer> answeredTiers = new HashMap<>();
            response.path("tierDistribution").entityList(Map.class).get()
                    .forEach(m -> answeredTiers.put((String) m.get("tier"), (Integer) m.get("count")));
            tiers.forEach((tier, count) -> assertThat(answeredTiers.get(tier)).as("tier %s", tier).isEqualTo(count));
            assertThat(answeredTiers.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(seen.size());
            Map<String, Integer> answeredQuadrants = new HashMap<>();
            response.path("valueMatrix").entityList(Map.class).get().stream().filter(m -> (Integer) m.get("count") > 0)
                    .forEach(m -> answeredQuadrants.put((String) m.get("quadrant"), (Integer) m.get("count")));
            assertThat(answeredQuadrants).isEqualTo(quadrants);
            Map<String, java.math.BigDecimal> answeredAum = new HashMap<>();
            response.path("valueMatrix").entityList(Map.class).get().stream().filter(m -> (Integer) m.get("count") > 0)
                    .forEach(m -> answeredAum.put((String) m.get("quadrant"), new java.math.BigDecimal(m.get("aum").toString())));
            quadrantAum.forEach((quadrant, aum) -> assertThat(answeredAum.get(quadrant)).as("AUM of %s", quadrant)
                    .isEqualByComparingTo(aum));
            assertThat(answeredAum.values().stream().map(java.math.BigDecimal::signum).filter(s -> s != 0).count())
                    .isEqualTo(quadrantAum.values().stream().filter(a -> a.signum() != 0).count());
            Map<String, Integer> answeredMoves = new HashMap<>();
            response.path("tierMigration").entityList(Map.class).get()
                    .forEach(m -> answeredMoves.put(m.get("from") + ">" + m.get("to"), (Integer) m.get("count")));
            assertThat(answeredMoves).isEqualTo(moves);
        }
    }

    private static String tierAt(Customer c, Instant at) {
        Tier tier = c.tierHistory().isEmpty() ? c.tier() : c.tierHistory().get(0).from();
        for (Customer.TierChange change : c.tierHistory()) {
            if (!change.at().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).isAfter(at)) {
                tier = change.to();
            }
        }
        return tier.name();
    }

    private String product(String suffix) {
        String code = "SP" + suffix;
        asAdmin().document("mutation($input: UpsertProductsInput!) { upsertProducts(input: $input) { userErrors { code } } }")
                .variable("input", Map.of("products", List.of(Map.of("code", code, "name", "产品" + suffix, "type", "T" + suffix,
                        "risk", "R1")))).execute().path("upsertProducts.userErrors").entityList(Object.class).hasSize(0);
        return code;
    }

    private void awaitDone(String runId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String status;
        do {
            status = asAdmin().document("query($id: String) { scoringRun(id: $id) { status } }").variable("id", runId)
                    .execute().path("scoringRun.status").entity(String.class).get();
            if (!status.equals("DONE")) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        } while (!status.equals("DONE") && System.nanoTime() < deadline);
        assertThat(status).isEqualTo("DONE");
    }

    private Customer byRef(String ref) {
        return mongo.findOne(Query.query(Criteria.where("externalRef").is(ref)), Customer.class);
    }

    @SafeVarargs
    private void feed(Map<String, Object>... rows) {
        asAdmin().documentName("feed/UpsertCustomers").variable("input", Map.of("customers", new ArrayList<>(List.of(rows))))
                .execute().path("upsertCustomers.userErrors").entityList(Object.class).hasSize(0)
                .path("upsertCustomers.rows[*].userErrors[*]").entityList(Object.class).hasSize(0);
    }

    private Map<String, Object> row(String ref, String monthlyAverage, Instant lastLogin) {
        Map<String, Object> row = new HashMap<>();
        row.put("externalRef", ref);
        row.put("name", "客户" + ref.length());
        row.put("branchCode", branch);
        row.put("managerCode", rm);
        row.put("aum", monthlyAverage);
        row.put("deposits", monthlyAverage);
        row.put("monthlyAvgDailyDeposit", monthlyAverage);
        row.put("annualFeeIncome", "1200.00");
        if (lastLogin != null) {
            row.put("appRegistered", true);
            row.put("lastLoginAt", lastLogin.toString());
        }
        return row;
    }
}
