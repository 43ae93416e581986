package dev.strata.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import dev.strata.audience.Attribute;
import dev.strata.audience.AudienceIndex;
import dev.strata.customer.Customer;
import dev.strata.event.Event;
import dev.strata.graphql.GlobalId;
import dev.strata.rule.RuleEvaluator;
import dev.strata.rule.SegmentRule;
import dev.strata.shared.Tier;
import dev.strata.support.StrataIntegrationTest;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * New customers are scored before they are stored, written once: what is stored equals what rescoring the stored
 * document gives (the old store-then-score path as oracle), with one history entry and one TIER_CHANGED event (stored,
 * on the portrait, counted in the index) per tier above ORDINARY, and the index shows each customer's stored tier.
 */
class ScoreOnInsertTests extends StrataIntegrationTest {

    private static final String[] AMOUNTS = {"0", "49999.99", "50000", "62310.50", "499999.99", "500000", "5999999.99",
        "6000000", "12000000"};

    @Autowired
    private MongoTemplate mongo;
    @Autowired
    private AudienceIndex index;
    @Autowired
    private RuleEvaluator evaluator;

    @Test
    void aFeedBatchOfNewCustomersIsStoredAsRescoringItWouldScoreIt() {
        String branch = unique("IB");
        String rm = unique("IRM");
        organisation(List.of(branch), Map.of(rm, branch));
        String ref = unique("INS");
        SplittableRandom random = new SplittableRandom(20261202);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            rows.add(randomRow(random, ref + "-" + i, branch, rm));
        }
        asAdmin().documentName("feed/UpsertCustomers").variable("input", Map.of("customers", rows)).execute()
                .path("upsertCustomers.userErrors").entityList(Object.class).hasSize(0)
                .path("upsertCustomers.rows[*].userErrors[*]").entityList(Object.class).hasSize(0)
                .path("upsertCustomers.created").entity(Integer.class).isEqualTo(300);

        List<Customer> stored = mongo.find(Query.query(Criteria.where("externalRef").regex("^" + ref + "-")), Customer.class);
        assertThat(stored).hasSize(300);
        assertThat(stored).extracting(Customer::tier).contains(Tier.ORDINARY, Tier.GOLD, Tier.PLATINUM, Tier.DIAMOND);
        List<String> ids = stored.stream().map(c -> GlobalId.encode("Customer", c.id())).toList();
        asAdmin().documentName("admin/RecomputeScores").variable("input", Map.of("customerIds", ids)).execute()
                .path("recomputeScores.rescored").entity(Integer.class).isEqualTo(300)
                .path("recomputeScores.changed").entity(Integer.class).isEqualTo(0);

        RoaringBitmap tierChangedToday = evaluator.members(new SegmentRule(null, null, null, null, null, null, null, null, null,
                null, null, null, new SegmentRule.EventCondition(ScoringEvents.TIER_CHANGED, null, 1, 1), null, null, null));
        for (Customer customer : stored) {
            boolean above = customer.tier() != Tier.ORDINARY;
            assertThat(customer.value()).as("value of %s", customer.externalRef()).isNotNull();
            assertThat(customer.tierHistory()).as("history of %s", customer.externalRef()).hasSize(above ? 1 : 0);
            long tierEvents = mongo.count(Query.query(Criteria.where("customerId").is(customer.id()).and("type")
                    .is(ScoringEvents.TIER_CHANGED)), Event.class);
            assertThat(tierEvents).as("TIER_CHANGED of %s", customer.externalRef()).isEqualTo(above ? 1 : 0);
            assertThat(customer.recentEvents().stream().filter(e -> e.type().equals(ScoringEvents.TIER_CHANGED)))
                    .as("TIER_CHANGED on the portrait of %s", customer.externalRef()).hasSize(above ? 1 : 0);
            assertThat(tierChangedToday.contains(Math.toIntExact(customer.seq())))
                    .as("TIER_CHANGED of %s counted in the index", customer.externalRef()).isEqualTo(above);
            assertThat(index.members(Attribute.TIER, customer.tier().name()).contains(Math.toIntExact(customer.seq())))
                    .as("index tier of %s", customer.externalRef()).isTrue();
        }
    }

    private static Map<String, Object> randomRow(SplittableRandom random, String ref, String branch, String rm) {
        Map<String, Object> row = new HashMap<>();
        row.put("externalRef", ref);
        row.put("name", "客户");
        row.put("branchCode", branch);
        row.put("managerCode", rm);
        String deposit = AMOUNTS[random.nextInt(AMOUNTS.length)];
        row.put("monthlyAvgDailyDeposit", deposit);
        row.put("deposits", deposit);
        row.put("aum", new BigDecimal(deposit).add(BigDecimal.valueOf(random.nextInt(2_000_000))).toPlainString());
        row.put("loans", String.valueOf(random.nextInt(3) == 0 ? random.nextInt(1_000_000) : 0));
        row.put("annualFeeIncome", String.valueOf(random.nextInt(20_000)));
        row.put("acquisitionCost", String.valueOf(random.nextInt(2_000)));
        row.put("maintenanceCost", String.valueOf(random.nextInt(1_000)));
        row.put("birthDate", LocalDate.of(1940, 1, 1).plusDays(random.nextInt(365 * 65)).toString());
        if (random.nextBoolean()) {
            row.put("appRegistered", true);
            row.put("lastLoginAt", Instant.now().minus(Duration.ofHours(random.nextInt(24 * 400))).toString());
        }
        return row;
    }
}
