package dev.strata.graphql;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Too many items refuse a whole call and store nothing, and a value breaking its field's rule refuses only its row
 * (or the call, for one object) with the field's path, in every mutation; no message repeats the value sent.
 */
class BatchFailureAnswersTests extends FailureAnswersSupport {

    private static final String PRODUCTS = "mutation($input: UpsertProductsInput!) { upsertProducts(input: $input) "
            + "{ products { code } userErrors { field message code } } }";
    private static final String HISTORY = "query($ref: String!) { customerByRef(externalRef: $ref) { balanceHistory(months: 24) { month } } }";
    private static final String LABELS = "query($id: ID!) { customer(id: $id) { labels { label { id } } } }";

    @Autowired
    MongoTemplate mongo;

    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    /** A customer only the too-many calls address, so "nothing stored" sees nothing else. */
    private String quietRef;
    private String quiet;
    private String busyRef;

    @BeforeAll
    void quietCustomer() {
        quietRef = unique("Q");
        quiet = as(feed).documentName("feed/UpsertCustomers").variable("input", Map.of("customers",
                List.of(Map.of("externalRef", quietRef, "name", "静", "managerCode", rmA)))).execute()
                .path("upsertCustomers.rows[0].customer.id").entity(String.class).get();
        busyRef = unique("Q");
        as(feed).documentName("feed/UpsertCustomers").variable("input", Map.of("customers",
                List.of(Map.of("externalRef", busyRef, "name", "忙")))).execute()
                .path("upsertCustomers.created").entity(Integer.class).isEqualTo(1);
    }

    /** A call one item over its limit, and how to tell nothing it carried was stored. */
    record TooMany(String name, String list, int max, Supplier<GraphQlTester.Response> send, String errors, LongSupplier stored) {
        @Override
        public String toString() {
            return name;
        }
    }

    Stream<TooMany> overTheLimit() {
        return Stream.of(
                tooManyCodes("upsertCustomers", "customers", "Q", codes -> as(feed).documentName("feed/UpsertCustomers")
                        .variable("input", Map.of("customers", rows(codes, c -> Map.of("externalRef", c, "name", "客")))).execute(),
                        codes -> count("customers", "externalRef", codes)),
                new TooMany("recordDailyBalances", "entries", 1000, () -> as(feed).documentName("feed/RecordDailyBalances")
                        .variable("input", Map.of("entries", IntStream.rangeClosed(0, 1000).mapToObj(i -> Map.of("externalRef",
                                quietRef, "date", today.minusDays(i % 500).toString(), "deposits", i + ".00")).toList())).execute(),
                        "recordDailyBalances.userErrors", () -> history(quietRef).size()),
                new TooMany("trackEvents", "events", 1000, () -> track(IntStream.rangeClosed(0, 1000)
                        .mapToObj(i -> event(quiet, Instant.now().minusSeconds(60 + i))).toList()),
                        "trackEvents.userErrors", () -> mongo.count(Query.query(Criteria.where("customerId")
                                .is(GlobalId.localId(quiet, "Customer"))), "events")),
                tooManyCodes("upsertProducts", "products", "P", codes -> as(marketer).document(PRODUCTS).variable("input",
                        Map.of("products", rows(codes, c -> Map.of("code", c, "name", "产品", "risk", "R1")))).execute(),
                        codes -> count("products", "_id", codes)),
                tooManyCodes("upsertBranches", "branches", "B", codes -> asAdmin().documentName("admin/UpsertBranches")
                        .variable("input", Map.of("branches", rows(codes, c -> Map.of("code", c, "name", "支行")))).execute(),
                        codes -> count("branches", "_id", codes)),
                tooManyCodes("upsertRelationshipManagers", "managers", "M", codes -> asAdmin()
                        .documentName("admin/UpsertRelationshipManagers").variable("input", Map.of("managers",
                                rows(codes, c -> Map.of("code", c, "name", "经理", "branchCode", branch)))).execute(),
                        codes -> count("relationship_managers", "_id", codes)),
                labelChange("applyLabel", false),
                labelChange("removeLabel", true));
    }

    private TooMany tooManyCodes(String mutation, String list, String prefix,
            java.util.function.Function<List<String>, GraphQlTester.Response> send, java.util.function.ToLongFunction<List<String>> stored) {
        String base = unique(prefix);
        List<String> codes = IntStream.rangeClosed(0, 1000).mapToObj(i -> base + "-" + i).toList();
        return new TooMany(mutation, list, 1000, () -> send.apply(codes), mutation + ".userErrors", () -> stored.applyAsLong(codes));
    }

    /** 10,001 customer IDs; "stored" counts changes: the label put on, or (for removeLabel) taken off. */
    private TooMany labelChange(String mutation, boolean remove) {
        String[] label = new String[1];
        Supplier<GraphQlTester.Response> send = () -> {
            label[0] = label();
            if (remove) {
                applyLabel(marketer, label[0], List.of(quiet)).path("applyLabel.applied").entity(Integer.class).isEqualTo(1);
            }
            List<String> ids = IntStream.rangeClosed(0, 10_000).mapToObj(i -> quiet).toList();
            return remove ? removeLabel(rm, label[0], ids) : applyLabel(rm, label[0], ids);
        };
        return new TooMany(mutation, "customerIds", 10_000, send, mutation + ".userErrors", () -> {
            boolean carries = asAdmin().document(LABELS).variable("id", quiet).execute()
                    .path("customer.labels[*].label.id").entityList(String.class).get().contains(label[0]);
            return carries == remove ? 0 : 1;
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overTheLimit")
    void oneItemOverTheLimitRefusesTheWholeCallAndStoresNothing(TooMany call) {
        GraphQlTester.Response response = call.send().get();
        assertThat(userErrors(response, call.errors())).containsExactly(Map.of("code", "TOO_MANY_ITEMS",
                "message", "at most " + call.max() + " items per call; nothing was done", "field", List.of(call.list())));
        assertThat(call.stored().getAsLong()).as("items stored").isZero();
    }

    /** A call whose item (at index 1 in batches) breaks one rule: where its error lies, and what else must hold. */
    record Invalid(String name, Supplier<GraphQlTester.Response> send, String errors, List<String> field, String code,
            String sent, Consumer<GraphQlTester.Response> rest) {
        @Override
        public String toString() {
            return name;
        }
    }

    Stream<Invalid> invalidFields() {
        String unknownCode = unique("NOPE");
        String ref = unique("V");
        return Stream.of(
                new Invalid("upsertCustomers", () -> as(feed).documentName("feed/UpsertCustomers").variable("input", Map.of(
                        "customers", List.of(Map.of("externalRef", ref + "a", "name", "甲"),
                                Map.of("externalRef", ref + "b", "name", "乙", "branchCode", unknownCode),
                                Map.of("externalRef", ref + "c", "name", "丙")))).execute(),
                        "upsertCustomers.rows[1].userErrors", List.of("customers", "1", "branchCode"), "UNKNOWN_BRANCH", unknownCode,
                        r -> r.path("upsertCustomers.created").entity(Integer.class).isEqualTo(2)
                                .path("upsertCustomers.rows[1].customer").valueIsNull()),
                new Invalid("recordDailyBalances", () -> as(feed).documentName("feed/RecordDailyBalances").variable("input",
                        Map.of("entries", List.of(balance(busyRef, 600), balance(unknownCode, 601), balance(busyRef, 602)))).execute(),
                        "recordDailyBalances.rejected[0].userErrors", List.of("entries", "1", "externalRef"), "UNKNOWN_CUSTOMER",
                        unknownCode, r -> r.path("recordDailyBalances.accepted").entity(Integer.class).isEqualTo(2)
                                .path("recordDailyBalances.rejected[0].index").entity(Integer.class).isEqualTo(1)),
                new Invalid("trackEvents", () -> {
                    Map<String, Object> bad = event(own, Instant.now().minusSeconds(20));
                    bad.put("channel", unknownCode);
                    return track(List.of(event(own, Instant.now().minusSeconds(10)), bad, event(own, Instant.now().minusSeconds(30))));
                }, "trackEvents.rejected[0].userErrors", List.of("events", "1", "channel"), "UNKNOWN_CHANNEL", unknownCode,
                        r -> r.path("trackEvents.accepted").entity(Integer.class).isEqualTo(2)
                                .path("trackEvents.rejected[0].index").entity(Integer.class).isEqualTo(1)),
                new Invalid("upsertProducts", () -> as(marketer).document(PRODUCTS).variable("input", Map.of("products", List.of(
                        Map.of("code", ref + "a", "name", "甲", "risk", "R1"),
                        Map.of("code", ref + "b", "name", "乙", "risk", "R1", "minAmount", "-5.5"),
                        Map.of("code", ref + "c", "name", "丙", "risk", "R1")))).execute(),
                        "upsertProducts.userErrors", List.of("products", "1", "minAmount"), "INVALID_AMOUNT", "-5.5",
                        r -> r.path("upsertProducts.products[*].code").entityList(String.class).containsExactly(ref + "a", ref + "c")),
                new Invalid("upsertBranches", () -> asAdmin().documentName("admin/UpsertBranches").variable("input", Map.of(
                        "branches", List.of(Map.of("code", ref + "a", "name", "甲"), Map.of("code", "bad code!" + ref, "name", "乙"),
                                Map.of("code", ref + "c", "name", "丙")))).execute(),
                        "upsertBranches.userErrors", List.of("branches", "1", "code"), "INVALID", "bad code!" + ref,
                        r -> r.path("upsertBranches.branches[*].code").entityList(String.class).containsExactly(ref + "a", ref + "c")),
                new Invalid("upsertRelationshipManagers", () -> asAdmin().documentName("admin/UpsertRelationshipManagers")
                        .variable("input", Map.of("managers", List.of(Map.of("code", ref + "a", "name", "甲", "branchCode", branch),
                                Map.of("code", ref + "b", "name", "乙", "branchCode", unknownCode),
                                Map.of("code", ref + "c", "name", "丙", "branchCode", branch)))).execute(),
                        "upsertRelationshipManagers.userErrors", List.of("managers", "1", "branchCode"), "UNKNOWN_BRANCH", unknownCode,
                        r -> r.path("upsertRelationshipManagers.managers[*].code").entityList(String.class)
                                .containsExactly(ref + "a", ref + "c")),
                new Invalid("createLabel", () -> as(marketer).documentName("mobile/CreateLabel").variable("input", Map.of(
                        "key", "bad key!" + ref, "name", "坏", "category", "BASIC", "kind", "MANUAL")).execute(),
                        "createLabel.userErrors", List.of("key"), "INVALID", "bad key!" + ref,
                        r -> r.path("createLabel.label").valueIsNull()),
                new Invalid("createUser", () -> asAdmin().documentName("admin/CreateUser").variable("input", Map.of(
                        "username", unique("u"), "password", PASSWORD, "roles", List.of("RELATIONSHIP_MANAGER"),
                        "managerCode", unknownCode)).execute(),
                        "createUser.userErrors", List.of("managerCode"), "UNKNOWN_MANAGER", unknownCode,
                        r -> r.path("createUser.user").valueIsNull()),
                new Invalid("recordTouchpoint", () -> logVisit(own, "-1.25"), "recordTouchpoint.userErrors", List.of("revenue"),
                        "INVALID", "-1.25", r -> r.path("recordTouchpoint.touchpoint").valueIsNull()),
                new Invalid("linkIdentity", () -> link(rm, own, "x".repeat(129)), "linkIdentity.userErrors", List.of("externalId"),
                        "INVALID", "x".repeat(129), r -> r.path("linkIdentity.customer").valueIsNull()),
                new Invalid("mergeCustomers", () -> merge(own, own), "mergeCustomers.userErrors", List.of("mergedId"),
                        "SAME_CUSTOMER", own, r -> r.path("mergeCustomers.survivor").valueIsNull()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFields")
    void aValueBreakingItsRuleIsRefusedAtItsFieldAndTheRestIsStored(Invalid call) {
        GraphQlTester.Response response = call.send().get();
        List<Map<String, Object>> errors = userErrors(response, call.errors());
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0)).containsEntry("field", call.field()).containsEntry("code", call.code());
        assertThat((String) errors.get(0).get("message")).as("the message").isNotBlank().doesNotContain(call.sent());
        call.rest().accept(response);
    }

    private Map<String, Object> balance(String externalRef, int daysAgo) {
        return Map.of("externalRef", externalRef, "date", today.minusDays(daysAgo % 500).toString(), "deposits", "10.00");
    }

    private List<String> history(String ref) {
        return as(feed).document(HISTORY).variable("ref", ref).execute()
                .path("customerByRef.balanceHistory[*].month").entityList(String.class).get();
    }

    private long count(String collection, String field, List<String> values) {
        return mongo.count(Query.query(Criteria.where(field).in(values)), collection);
    }

    private static List<Map<String, Object>> rows(List<String> codes, java.util.function.Function<String, Map<String, Object>> row) {
        List<Map<String, Object>> rows = new ArrayList<>(codes.size());
        codes.forEach(code -> rows.add(row.apply(code)));
        return rows;
    }
}
