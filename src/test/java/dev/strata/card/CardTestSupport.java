package dev.strata.card;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.strata.security.Role;
import dev.strata.support.StrataIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.TestPropertySource;

/** A branch with two RMs (each signed in, each with a card), a branch manager and a marketer; visits from the page's documents. */
@TestPropertySource(properties = {"strata.card.calls-per-minute-per-address=100000", "strata.card.calls-per-minute-per-card=40"})
abstract class CardTestSupport extends StrataIntegrationTest {

    protected String branch;
    protected String rmA;
    protected String rmB;
    protected HttpGraphQlTester asRmA;
    protected HttpGraphQlTester asRmB;
    protected HttpGraphQlTester asBranchManager;
    protected HttpGraphQlTester asMarketer;
    protected String slugA;
    protected String slugB;

    @BeforeEach
    void cardOrganisation() {
        branch = unique("CB");
        rmA = unique("CRA");
        rmB = unique("CRB");
        asAdmin().documentName("admin/UpsertBranches")
                .variable("input", Map.of("branches", List.of(Map.of("code", branch, "name", "杭州西湖支行", "city", "杭州"))))
                .execute().path("upsertBranches.userErrors").entityList(Object.class).hasSize(0);
        asAdmin().documentName("admin/UpsertRelationshipManagers")
                .variable("input", Map.of("managers", List.of(
                        Map.of("code", rmA, "name", "顾青", "branchCode", branch, "title", "理财经理", "phone", "0571-88001234"),
                        Map.of("code", rmB, "name", "沈岚", "branchCode", branch))))
                .execute().path("upsertRelationshipManagers.userErrors").entityList(Object.class).hasSize(0);
        asAdmin().document("mutation($i: UpsertProductsInput!) { upsertProducts(input: $i) { userErrors { message } } }")
                .variable("i", Map.of("products", List.of(
                        Map.of("code", "CT-R1", "name", "七天通知存款", "type", "DEPOSIT", "risk", "R1", "minAmount", "50000"),
                        Map.of("code", "CT-R1B", "name", "现金宝", "type", "WEALTH", "risk", "R1", "minAmount", "1"),
                        Map.of("code", "CT-R3", "name", "混合基金", "type", "FUND", "risk", "R3", "minAmount", "1000"))))
                .execute().path("upsertProducts.userErrors").entityList(Object.class).hasSize(0);
        asRmA = as(userToken(unique("rma"), List.of(Role.RELATIONSHIP_MANAGER), null, rmA));
        asRmB = as(userToken(unique("rmb"), List.of(Role.RELATIONSHIP_MANAGER), null, rmB));
        asBranchManager = as(userToken(unique("bm"), List.of(Role.BRANCH_MANAGER), branch, null));
        asMarketer = as(userToken(unique("mkt"), Role.MARKETER));
        slugA = asRmA.document("{ myCard { slug } }").execute().path("myCard.slug").entity(String.class).get();
        slugB = asRmB.document("{ myCard { slug } }").execute().path("myCard.slug").entity(String.class).get();
    }

    /** Customers of the test branch, written by the core-banking feed. */
    protected final Book book = new Book();

    /** Writes customers as the feed does, so they are scored (tier) and indexed like real ones. */
    protected class Book {
        private String feedToken;

        /** A customer of the RM with this monthly average daily deposit (and as much AUM); its global ID. */
        public String customer(String managerCode, String monthlyAvg) {
            return customer(managerCode, monthlyAvg, monthlyAvg);
        }

        public String customer(String managerCode, String monthlyAvg, String aum) {
            if (feedToken == null) {
                feedToken = userToken(unique("feed"), Role.SERVICE);
            }
            String ref = unique("WB");
            Map<String, Object> row = new HashMap<>(Map.of("externalRef", ref, "name", "客户" + ref.substring(ref.length() - 4),
                    "branchCode", branch, "managerCode", managerCode, "aum", aum, "deposits", monthlyAvg,
                    "monthlyAvgDailyDeposit", monthlyAvg, "phone", "139" + String.format("%08d", Math.abs(ref.hashCode()) % 100_000_000)));
            return as(feedToken).documentName("feed/UpsertCustomers")
                    .variable("input", Map.of("customers", List.of(row))).execute()
                    .path("upsertCustomers.rows[0].userErrors").entityList(Object.class).hasSize(0)
                    .path("upsertCustomers.rows[0].customer.id").entity(String.class).get();
        }
    }

    /** A visit as the card page sends it, from the anonymous page. */
    protected GraphQlTester.Response visit(String slug, String visitor, String action, Map<String, Object> extra) {
        Map<String, Object> input = new HashMap<>(extra);
        input.put("slug", slug);
        input.put("action", action);
        if (visitor != null) {
            input.put("identity", Map.of("channel", "WECHAT", "externalId", visitor));
        }
        return anonymous().documentName("business-card/RecordCardVisit").variable("input", input).execute();
    }

    protected void visited(String slug, String visitor, String action, Map<String, Object> extra) {
        visit(slug, visitor, action, extra).path("recordCardVisit.userErrors").entityList(Object.class).hasSize(0)
                .path("recordCardVisit.recorded").entity(Boolean.class).isEqualTo(true);
    }

    protected static final String RADAR = """
            { cardVisitors(first: 50) { totalCount edges { node { visitorName visits leftContact shares callTaps heat
                productsViewed { code } customer { id name phone source lifecycleStage referredBy { id } }
                possibleMatch { id } } } } }""";
}
