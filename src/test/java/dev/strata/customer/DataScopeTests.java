package dev.strata.customer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.strata.graphql.GlobalId;
import dev.strata.security.Role;
import dev.strata.support.StrataIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The role × read matrix: for every role, which customers each read returns, what counts say, and
 * what phone and ID numbers look like. Branch A has RMs A1 and A2; branch B has RM B1.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataScopeTests extends StrataIntegrationTest {

    private static final String PHONE = "13812345678";
    private static final String MASKED_PHONE = "138******78";
    private static final String ID = "110101199003070011";
    private static final String MASKED_ID = "11***************1";

    private final Map<String, String> tokens = new HashMap<>();
    private final Map<String, String> customerIds = new HashMap<>();
    private final Map<String, String> refs = new HashMap<>();
    private String branchA;
    private String branchB;
    private String labelId;

    /** What one role may see: which of c1 (A1's), c2 (A2's), c3 (B1's) and how many per branch. */
    record Expectation(String role, boolean c1, boolean c2, boolean c3, Integer countA, Integer countB, Integer labelCount,
            boolean phoneClear, boolean idClear, boolean byRef) {
    }

    static Stream<Arguments> matrix() {
        return Stream.of(
                new Expectation("ADMIN", true, true, true, 2, 1, 3, true, true, true),
                new Expectation("MARKETER", true, true, true, 2, 1, 3, false, false, true),
                new Expectation("ANALYST", true, true, true, 2, 1, 3, false, false, true),
                new Expectation("BRANCH_MANAGER", true, true, false, 2, 0, 2, false, false, true),
                new Expectation("RELATIONSHIP_MANAGER", true, false, false, 1, 0, 1, true, false, true),
                new Expectation("SERVICE", false, false, false, null, null, null, false, false, true),
                new Expectation("CUSTOMER", false, false, false, null, null, null, false, false, false))
                .map(e -> Arguments.of(e.role(), e));
    }

    @BeforeAll
    void organisation() {
        branchA = unique("SA");
        branchB = unique("SB");
        String a1 = unique("A1");
        String a2 = unique("A2");
        String b1 = unique("B1");
        organisation(List.of(branchA, branchB), Map.of(a1, branchA, a2, branchA, b1, branchB));
        tokens.putAll(tokensForEveryRole(branchA, a1));
        String ref = unique("D");
        Map<String, String> managers = Map.of("c1", a1, "c2", a2, "c3", b1);
        managers.forEach((name, rm) -> refs.put(name, ref + name));
        List<Map<String, Object>> rows = managers.entrySet().stream().map(e -> Map.<String, Object>of(
                "externalRef", refs.get(e.getKey()), "name", "客户" + e.getKey(), "managerCode", e.getValue(),
                "phone", PHONE, "idNumber", ID)).toList();
        as(tokens.get("SERVICE")).documentName("feed/UpsertCustomers")
                .variable("input", Map.of("customers", rows)).execute()
                .path("upsertCustomers.created").entity(Integer.class).isEqualTo(3);
        refs.forEach((name, r) -> customerIds.put(name, as(tokens.get("SERVICE")).documentName("feed/CustomerByRef")
                .variable("externalRef", r).execute().path("customerByRef.id").entity(String.class).get()));
        String marketer = tokens.get("MARKETER");
        labelId = as(marketer).documentName("mobile/CreateLabel").variable("input", Map.of("key",
                unique("scope").replace("-", "_"), "name", "范围", "category", "BASIC", "kind", "MANUAL")).execute()
                .path("createLabel.label.id").entity(String.class).get();
        as(marketer).documentName("mobile/ApplyLabel")
                .variable("input", Map.of("labelId", labelId, "customerIds", List.copyOf(customerIds.values()))).execute()
                .path("applyLabel.applied").entity(Integer.class).isEqualTo(3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void customerByIdAndNodeFollowTheScope(String role, Expectation expected) {
        Map<String, Boolean> visible = Map.of("c1", expected.c1(), "c2", expected.c2(), "c3", expected.c3());
        visible.forEach((name, allowed) -> {
            for (String query : List.of("query($id: ID!) { customer(id: $id) { id } }", "query($id: ID!) { node(id: $id) { id } }")) {
                GraphQlTester.Response response = as(tokens.get(role)).document(query).variable("id", customerIds.get(name)).execute();
                String field = query.contains("customer(") ? "customer" : "node";
                if (allowed) {
                    response.path(field + ".id").entity(String.class).isEqualTo(customerIds.get(name));
                } else {
                    assertClassification(response, "FORBIDDEN");
                    response.path(field).valueIsNull();
                }
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void listsAndCountsAreScoped(String role, Expectation expected) {
        for (String branch : List.of(branchA, branchB)) {
            Integer count = branch.equals(branchA) ? expected.countA() : expected.countB();
            GraphQlTester.Response response = as(tokens.get(role)).documentName("mobile/MyCustomers")
                    .variable("filter", Map.of("branchId", GlobalId.encode("Branch", branch))).execute();
            if (count == null) {
                assertClassification(response, "FORBIDDEN");
            } else {
                response.path("customers.totalCount").entity(Integer.class).isEqualTo(count)
                        .path("customers.edges").entityList(Object.class).hasSize(count);
            }
        }
        GraphQlTester.Response label = as(tokens.get(role)).document("query($id: ID!) { label(id: $id) { customerCount } }")
                .variable("id", labelId).execute();
        if (expected.labelCount() == null) {
            assertClassification(label, "FORBIDDEN");
        } else {
            label.path("label.customerCount").entity(Integer.class).isEqualTo(expected.labelCount());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void phoneAndIdNumberAreMaskedUnlessTheViewerMaySeeThem(String role, Expectation expected) {
        GraphQlTester.Response response = as(tokens.get(role)).document("""
                query($ref: String!) { customerByRef(externalRef: $ref) { phone idNumber } }
                """).variable("ref", refs.get("c1")).execute();
        if (!expected.byRef()) {
            assertClassification(response, "FORBIDDEN");
            return;
        }
        response.path("customerByRef.phone").entity(String.class).isEqualTo(expected.phoneClear() ? PHONE : MASKED_PHONE)
                .path("customerByRef.idNumber").entity(String.class).isEqualTo(expected.idClear() ? ID : MASKED_ID);
    }
}
