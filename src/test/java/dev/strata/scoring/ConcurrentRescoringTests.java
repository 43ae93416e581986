package dev.strata.scoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.strata.customer.Customer;
import dev.strata.customer.ProjectedCustomers;
import dev.strata.shared.Tier;
import dev.strata.support.StrataIntegrationTest;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;

/** Two rescorings of one customer from the same read append one tier history entry and record one TIER_CHANGED event. */
class ConcurrentRescoringTests extends StrataIntegrationTest {

    @Autowired
    private MongoTemplate mongo;
    @Autowired
    private Rescorer rescorer;
    @Autowired
    private ProjectedCustomers customers;

    private String branch;
    private String rm;

    @BeforeEach
    void organisation() {
        branch = unique("CB");
        rm = unique("CRM");
        asAdmin().documentName("admin/UpsertBranches")
                .variable("input", Map.of("branches", List.of(Map.of("code", branch, "name", "无锡分行", "city", "无锡"))))
                .execute().path("upsertBranches.userErrors").entityList(Object.class).hasSize(0);
        asAdmin().documentName("admin/UpsertRelationshipManagers")
                .variable("input", Map.of("managers", List.of(Map.of("code", rm, "name", "钱多", "branchCode", branch))))
                .execute().path("upsertRelationshipManagers.userErrors").entityList(Object.class).hasSize(0);
    }

    @Test
    void aSecondRescoringFromAStaleReadAppendsNoSecondTierChange() {
        Document stale = ordinaryCustomerNowAboveTheGoldLine();
        String id = stale.get("_id").toString();
        Rescorer.Outcome first = rescorer.rescore(List.of(stale));
        Rescorer.Outcome second = rescorer.rescore(List.of(stale));
        assertThat(first.changed()).isEqualTo(1);
        assertThat(second.changed()).isZero();
        assertOneChangeToGold(id);
    }

    @Test
    void twoConcurrentRescoringsOfOneCustomerAppendOneTierChange() throws Exception {
        Document stale = ordinaryCustomerNowAboveTheGoldLine();
        String id = stale.get("_id").toString();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Rescorer.Outcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                outcomes.add(threads.submit(() -> {
                    start.await();
                    return rescorer.rescore(List.of(new Document(stale)));
                }));
            }
            start.countDown();
            int changed = 0;
            for (Future<Rescorer.Outcome> outcome : outcomes) {
                changed += outcome.get().changed();
            }
            assertThat(changed).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
        assertOneChangeToGold(id);
    }

    /** An ORDINARY customer whose stored figure was raised behind scoring's back, read once (the stale read). */
    private Document ordinaryCustomerNowAboveTheGoldLine() {
        String ref = unique("CR");
        Map<String, Object> row = new HashMap<>();
        row.put("externalRef", ref);
        row.put("name", "客户");
        row.put("branchCode", branch);
        row.put("managerCode", rm);
        row.put("deposits", "10000");
        row.put("monthlyAvgDailyDeposit", "10000");
        asAdmin().documentName("feed/UpsertCustomers").variable("input", Map.of("customers", List.of(row))).execute()
                .path("upsertCustomers.rows[*].userErrors[*]").entityList(Object.class).hasSize(0);
        Customer stored = mongo.findOne(Query.query(Criteria.where("externalRef").is(ref)), Customer.class);
        assertThat(stored.tier()).isEqualTo(Tier.ORDINARY);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(stored.id())),
                new Update().set("assets.monthlyAvgDailyDeposit", new Decimal128(new java.math.BigDecimal("80000"))),
                Customer.class);
        return customers.byIds(List.of(stored.id()), Facts.FIELDS).get(0);
    }

    private void assertOneChangeToGold(String id) {
        Customer after = mongo.findById(id, Customer.class);
        assertThat(after.tier()).isEqualTo(Tier.GOLD);
        assertThat(after.tierHistory()).extracting(Customer.TierChange::to).containsExactly(Tier.GOLD);
        assertThat(mongo.count(Query.query(Criteria.where("customerId").is(id).and("type").is(ScoringEvents.TIER_CHANGED)),
                dev.strata.event.Event.class)).isEqualTo(1);
    }
}
