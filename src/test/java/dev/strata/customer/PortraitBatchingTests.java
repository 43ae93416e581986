package dev.strata.customer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.strata.security.Role;
import dev.strata.support.MongoCommandCounter;
import dev.strata.support.StrataIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** A page of portraits costs the same handful of MongoDB commands whether it holds 10 customers or 100. */
class PortraitBatchingTests extends StrataIntegrationTest {

    private static final String PAGE = """
            query($first: Int, $filter: CustomerFilter) {
              customers(first: $first, filter: $filter) {
                totalCount
                edges { node {
                  id name phone idNumber tier
                  branch { code name }
                  manager { code name branch { code } }
                  labels { label { key name customerCount } }
                  products { product { code name risk } balance }
                  identities { channel externalId }
                  recommendations(limit: 2) { product { code } score }
                  touchpoints(first: 3) { totalCount edges { node { status } } }
                } }
              }
            }
            """;

    @Autowired
    MongoCommandCounter counter;

    @Test
    void aPageOfOneHundredPortraitsCostsAFixedNumberOfCommands() {
        String branch = unique("BB");
        String[] rms = {unique("BRA"), unique("BRB")};
        asAdmin().documentName("admin/UpsertBranches")
                .variable("input", Map.of("branches", List.of(Map.of("code", branch, "name", "批量支行")))).execute();
        asAdmin().documentName("admin/UpsertRelationshipManagers")
                .variable("input", Map.of("managers", List.of(Map.of("code", rms[0], "name", "甲", "branchCode", branch),
                        Map.of("code", rms[1], "name", "乙", "branchCode", branch)))).execute();
        String product = unique("P").replace("-", "_");
        asAdmin().document("mutation($input: UpsertProductsInput!) { upsertProducts(input: $input) { userErrors { code } } }")
                .variable("input", Map.of("products", List.of(Map.of("code", product, "name", "稳健理财", "type", "WEALTH",
                        "risk", "R2", "minAmount", "1000")))).execute()
                .path("upsertProducts.userErrors").entityList(Object.class).hasSize(0);
        String feed = userToken(unique("feed"), Role.SERVICE);
        String ref = unique("B");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            Map<String, Object> row = new HashMap<>();
            row.put("externalRef", ref + "x" + i);
            row.put("name", "客户" + i);
            row.put("managerCode", rms[i % 2]);
            row.put("phone", "138" + String.format("%08d", i));
            row.put("riskLevel", "C3");
            row.put("aum", "50000");
            row.put("products", List.of(Map.of("code", product, "balance", "1000.00")));
            row.put("identities", List.of(Map.of("channel", "WECHAT", "externalId", ref + "-wx-" + i)));
            rows.add(row);
        }
        as(feed).documentName("feed/UpsertCustomers").variable("input", Map.of("customers", rows)).execute()
                .path("upsertCustomers.created").entity(Integer.class).isEqualTo(120);
        String marketer = userToken(unique("mkt"), Role.MARKETER);
        Map<String, Object> filter = Map.of("branchId", dev.strata.graphql.GlobalId.encode("Branch", branch));

        commandsFor(marketer, 10, filter);   // the first request reads the token's version; later ones find it cached
        List<String> small = commandsFor(marketer, 10, filter);
        List<String> large = commandsFor(marketer, 100, filter);

        assertThat(large).as("commands for a page of 100: %s", large).hasSize(small.size());
        assertThat(large.size()).as("commands for a page of 100: %s", large).isLessThanOrEqualTo(8);
    }

    private List<String> commandsFor(String token, int first, Map<String, Object> filter) {
        var tester = as(token);
        counter.reset();
        tester.document(PAGE).variable("first", first).variable("filter", filter).execute()
                .path("customers.edges").entityList(Object.class).hasSize(first)
                .path("customers.totalCount").entity(Integer.class).isEqualTo(120);
        return counter.commands();
    }
}
