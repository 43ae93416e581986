package dev.strata.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.strata.security.Role;
import dev.strata.support.StrataIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A bad rule is refused with one userError per problem, each naming the path to the bad node; nothing is counted. */
class SegmentRuleValidationTests extends StrataIntegrationTest {

    private String marketer;

    @BeforeEach
    void signIn() {
        if (marketer == null) {
            marketer = userToken(unique("seg-val"), Role.MARKETER);
        }
    }

    @Test
    void unknownNamesAreReportedWhereTheyWereWritten() {
        Map<String, Object> rule = Map.of("and", List.of(
                Map.of("hasLabel", "no-such-label"),
                Map.of("or", List.of(Map.of("branchIn", List.of("NOPE-BRANCH")), Map.of("managerIn", List.of("NOPE-RM")))),
                Map.of("hasProduct", "NOPE-PRODUCT")));
        assertThat(errors(rule)).containsExactlyInAnyOrder(
                error("UNKNOWN_LABEL", "rule", "and", "0", "hasLabel"),
                error("UNKNOWN_BRANCH", "rule", "and", "1", "or", "0", "branchIn", "0"),
                error("UNKNOWN_MANAGER", "rule", "and", "1", "or", "1", "managerIn", "0"),
                error("UNKNOWN_PRODUCT", "rule", "and", "2", "hasProduct"));
    }

    @Test
    void shapesAndBoundsAreChecked() {
        Map<String, Object> twoFields = Map.of("tierIn", List.of("GOLD"), "consentTo", "SMS");
        Map<String, Object> rule = Map.of("and", List.of(
                Map.of("or", List.of()),
                Map.of(),
                twoFields,
                Map.of("numeric", Map.of("field", "AUM", "gte", 500_000, "lt", 100_000)),
                Map.of("event", Map.of("type", "LOGIN", "withinDays", 366)),
                Map.of("event", Map.of("type", "LOGIN", "withinDays", 30, "minCount", 0)),
                Map.of("tierIn", List.of())));
        assertThat(errors(rule)).containsExactlyInAnyOrder(
                error("EMPTY", "rule", "and", "0", "or"),
                error("INVALID", "rule", "and", "1"),
                error("INVALID", "rule", "and", "2"),
                error("INVALID", "rule", "and", "3", "numeric", "gte"),
                error("INVALID", "rule", "and", "4", "event", "withinDays"),
                error("INVALID", "rule", "and", "5", "event", "minCount"),
                error("EMPTY", "rule", "and", "6", "tierIn"));
    }

    @Test
    void rulesDeeperThanTenLevelsOrLargerThanTwoHundredNodesAreRefused() {
        Map<String, Object> deep = Map.of("tierIn", List.of("GOLD"));
        for (int level = 0; level < 10; level++) {
            deep = Map.of("not", deep);
        }
        assertThat(errors(deep)).extracting(e -> e.get("code")).containsExactly("TOO_DEEP");
        Map<String, Object> tenDeep = Map.of("tierIn", List.of("GOLD"));
        for (int level = 0; level < 9; level++) {
            tenDeep = Map.of("not", tenDeep);
        }
        assertThat(errors(tenDeep)).isEmpty();
        List<Object> many = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            many.add(Map.of("tierIn", List.of("GOLD")));
        }
        assertThat(errors(Map.of("or", many))).containsExactly(error("TOO_MANY_ITEMS", "rule"));
        assertThat(errors(Map.of("or", many.subList(0, 199)))).isEmpty();
    }

    @Test
    void segmentReferencesMustExistAndMayNotLoop() {
        String a = create(Map.of("tierIn", List.of("GOLD")));
        String b = create(Map.of("inSegment", a));
        String missing = dev.strata.graphql.GlobalId.encode("Segment", "0123456789abcdef01234567");
        assertThat(errors(Map.of("inSegment", missing))).containsExactly(error("NOT_FOUND", "rule", "inSegment"));
        assertThat(errors(Map.of("inSegment", "not-an-id"))).containsExactly(error("INVALID_ID", "rule", "inSegment"));
        var update = as(marketer).documentName("mobile/UpdateSegment").variable("input",
                Map.of("id", a, "rule", Map.of("or", List.of(Map.of("tierIn", List.of("GOLD")), Map.of("inSegment", b)))))
                .execute();
        update.path("updateSegment.segment").valueIsNull()
                .path("updateSegment.userErrors[0].code").entity(String.class).isEqualTo("CYCLE")
                .path("updateSegment.userErrors[0].field").entity(List.class).isEqualTo(List.of("rule", "or", "1", "inSegment"));
        as(marketer).documentName("mobile/UpdateSegment").variable("input", Map.of("id", a, "rule", Map.of("inSegment", a)))
                .execute().path("updateSegment.userErrors[0].code").entity(String.class).isEqualTo("CYCLE");
    }

    @Test
    void aValidRuleReadsBackExactlyAsWritten() {
        Map<String, Object> rule = Map.of("and", List.of(
                Map.of("numeric", Map.of("field", "AUM", "gte", 5_999_999.99)),
                Map.of("not", Map.of("quadrantIn", List.of("LOW_VALUE", "GENERAL"))),
                Map.of("event", Map.of("type", "PURCHASE", "channel", "MINI_PROGRAM", "withinDays", 14, "minCount", 2))));
        String id = create(rule);
        Map<String, Object> stored = as(marketer).document("""
                query($id: ID!) { segment(id: $id) { rule { and {
                  numeric { field gte lt } not { quadrantIn } event { type channel withinDays minCount } } } } }""")
                .variable("id", id).execute().path("segment.rule").entity(Map.class).get();
        Map<String, Object> numeric = new java.util.HashMap<>(Map.of("field", "AUM", "gte", 5_999_999.99));
        numeric.put("lt", null);
        assertThat(stored).isEqualTo(Map.of("and", List.of(
                node("numeric", numeric),
                node("not", Map.of("quadrantIn", List.of("LOW_VALUE", "GENERAL"))),
                node("event", Map.of("type", "PURCHASE", "channel", "MINI_PROGRAM", "withinDays", 14, "minCount", 2)))));
    }

    /** A rule node as read back: the one field set, the others null. */
    private static Map<String, Object> node(String field, Object value) {
        Map<String, Object> node = new java.util.HashMap<>();
        node.put("numeric", null);
        node.put("not", null);
        node.put("event", null);
        node.put(field, value);
        return node;
    }

    private String create(Map<String, Object> rule) {
        return as(marketer).documentName("mobile/CreateSegment")
                .variable("input", Map.of("name", unique("seg"), "rule", rule)).execute()
                .path("createSegment.userErrors").entityList(Object.class).hasSize(0)
                .path("createSegment.segment.id").entity(String.class).get();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> errors(Map<String, Object> rule) {
        var response = as(marketer).documentName("mobile/PreviewSegment").variable("rule", rule).variable("sampleSize", 1)
                .execute();
        List<Map<String, Object>> errors = response.path("previewSegment.userErrors").entityList(Map.class).get().stream()
                .map(e -> (Map<String, Object>) e).toList();
        if (!errors.isEmpty()) {
            response.path("previewSegment.count").entity(Integer.class).isEqualTo(0);
        }
        return errors.stream().map(e -> Map.of("code", e.get("code"), "field", e.get("field"))).toList();
    }

    private static Map<String, Object> error(String code, String... field) {
        return Map.of("code", code, "field", List.of(field));
    }
}
