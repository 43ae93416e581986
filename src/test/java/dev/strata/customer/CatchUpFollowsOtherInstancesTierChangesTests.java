package dev.strata.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.strata.support.StrataIntegrationTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;

/** A tier change another instance wrote counts in tierMigration once the audience catch-up has re-read the customer. */
class CatchUpFollowsOtherInstancesTierChangesTests extends StrataIntegrationTest {

    private static final String MIGRATION = """
            query($from: Date!, $to: Date!, $branchCode: String) {
              tierMigration(from: $from, to: $to, branchCode: $branchCode) { from to count } }""";

    @Autowired
    private MongoTemplate mongo;
    @Autowired
    private CustomerIndexing indexing;

    @Test
    void anotherInstancesTierChangeCountsAfterTheCatchUp() {
        String branch = unique("XB");
        String rm = unique("XRM");
        asAdmin().documentName("admin/UpsertBranches")
                .variable("input", Map.of("branches", List.of(Map.of("code", branch, "name", "常州分行", "city", "常州"))))
                .execute().path("upsertBranches.userErrors").entityList(Object.class).hasSize(0);
        asAdmin().documentName("admin/UpsertRelationshipManagers")
                .variable("input", Map.of("managers", List.of(Map.of("code", rm, "name", "孙立", "branchCode", branch))))
                .execute().path("upsertRelationshipManagers.userErrors").entityList(Object.class).hasSize(0);
        String ref = unique("X");
        Map<String, Object> row = new HashMap<>(Map.of("externalRef", ref, "name", "客户", "branchCode", branch,
                "managerCode", rm, "deposits", "10000", "monthlyAvgDailyDeposit", "10000"));
        asAdmin().documentName("feed/UpsertCustomers").variable("input", Map.of("customers", List.of(row))).execute()
                .path("upsertCustomers.rows[*].userErrors[*]").entityList(Object.class).hasSize(0);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertThat(migration(branch, today)).containsExactly("ORDINARY>ORDINARY=1");

        // Another instance moves the customer to GOLD: written straight to the shared store, no notice here.
        mongo.updateFirst(Query.query(Criteria.where("externalRef").is(ref)), new Update().set("tier", "GOLD")
                .push("tierHistory", new Document("from", "ORDINARY").append("to", "GOLD").append("at", Date.from(Instant.now()))
                        .append("reason", "monthly average daily deposit 80,000.00 ≥ GOLD 50,000"))
                .set("updatedAt", Instant.now()), Customer.class);
        indexing.catchUp();

        assertThat(migration(branch, today)).containsExactly("ORDINARY>GOLD=1");
    }

    private List<String> migration(String branch, LocalDate today) {
        return asAdmin().document(MIGRATION).variable("from", today.minusDays(1).toString()).variable("to", today.toString())
                .variable("branchCode", branch).execute().path("tierMigration").entityList(Map.class).get().stream()
                .map(m -> m.get("from") + ">" + m.get("to") + "=" + m.get("count")).toList();
    }
}
