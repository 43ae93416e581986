package dev.strata.segment;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.strata.security.Role;
import dev.strata.support.StrataIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/** Segments and RULE labels as their users meet them: scoped counts, members, overlaps, who may change what. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SegmentsTests extends StrataIntegrationTest {

    private final Map<String, String> tokens = new HashMap<>();
    private final Map<String, String> customers = new HashMap<>();
    private String branchA;
    private String branchB;
    private String service;

    @BeforeAll
    void bank() {
        branchA = unique("GA");
        branchB = unique("GB");
        String a1 = unique("GA1");
        String a2 = unique("GA2");
        String b1 = unique("GB1");
        organisation(List.of(branchA, branchB), Map.of(a1, branchA, a2, branchA, b1, branchB));
        tokens.putAll(tokensForEveryRole(branchA, a1));
        service = tokens.get("SERVICE");
        feed("c1", a1, "200000.00", true);
        feed("c2", a2, "50000.00", false);
        feed("c3", b1, "600000.00", true);
    }

    @Test
    void countsPreviewsAndMembersFollowTheViewersScope() {
        Map<String, Object> rule = Map.of("branchIn", List.of(branchA, branchB));
        String segment = create("MARKETER", rule);
        Map<String, Integer> expected = Map.of("ADMIN", 3, "MARKETER", 3, "ANALYST", 3, "BRANCH_MANAGER", 2,
                "RELATIONSHIP_MANAGER", 1);
        expected.forEach((role, count) -> {
            as(tokens.get(role)).documentName("mobile/PreviewSegment").variable("rule", rule).variable("sampleSize", 10)
                    .execute().path("previewSegment.count").entity(Integer.class).isEqualTo(count)
                    .path("previewSegment.sample").entityList(Object.class).hasSize(count);
            as(tokens.get(role)).documentName("mobile/SegmentMembers").variable("id", segment).variable("first", 10).execute()
                    .path("segment.customerCount").entity(Integer.class).isEqualTo(count)
                    .path("segment.customers.totalCount").entity(Integer.class).isEqualTo(count);
            as(tokens.get(role)).documentName("mobile/MyCustomers").variable("first", 10)
                    .variable("filter", Map.of("segmentId", segment)).execute()
                    .path("customers.totalCount").entity(Integer.class).isEqualTo(count);
        });
        as(tokens.get("BRANCH_MANAGER")).documentName("mobile/Segments").variable("first", 100).execute()
                .path("segments.edges[*].node.id").entityList(String.class).contains(segment);
        for (String role : List.of("SERVICE", "CUSTOMER")) {
            assertClassification(as(tokens.get(role)).documentName("mobile/PreviewSegment").variable("rule", rule).execute(),
                    "FORBIDDEN");
        }
        as(tokens.get("MARKETER")).documentName("mobile/PreviewSegment").variable("rule", rule).variable("sampleSize", 3)
                .execute().path("previewSegment.sample[*].phone").entityList(String.class)
                .satisfies(phones -> assertThat(phones).allMatch(phone -> phone.contains("****")));
    }

    @Test
    void numericConditionsAndTheirNegationSplitTheAudienceExactly() {
        Map<String, Object> rich = Map.of("numeric", Map.of("field", "AUM", "gte", 100_000));
        Map<String, Object> ours = Map.of("branchIn", List.of(branchA, branchB));
        assertThat(count("MARKETER", Map.of("and", List.of(ours, rich)))).isEqualTo(2);
        assertThat(count("MARKETER", Map.of("and", List.of(ours, Map.of("not", rich))))).isEqualTo(1);
        assertThat(count("MARKETER", Map.of("and", List.of(ours,
                Map.of("numeric", Map.of("field", "AUM", "gte", 200_000, "lt", 200_000.01)))))).isEqualTo(1);
        assertThat(count("MARKETER", Map.of("and", List.of(ours,
                Map.of("numeric", Map.of("field", "AUM", "gte", 200_000.01)))))).isEqualTo(1);
    }

    @Test
    void overlapsArePairwiseAndScoped() {
        String a = create("MARKETER", Map.of("branchIn", List.of(branchA)));
        String sms = create("MARKETER", Map.of("and", List.of(Map.of("branchIn", List.of(branchA, branchB)),
                Map.of("consentTo", "SMS"))));
        String b = create("MARKETER", Map.of("branchIn", List.of(branchB)));
        as(tokens.get("MARKETER")).documentName("mobile/SegmentOverlap").variable("ids", List.of(a, sms, b)).execute()
                .path("segmentOverlap[*].count").entityList(Integer.class).containsExactly(1, 0, 1);
        as(tokens.get("BRANCH_MANAGER")).documentName("mobile/SegmentOverlap").variable("ids", List.of(a, sms, b)).execute()
                .path("segmentOverlap[*].count").entityList(Integer.class).containsExactly(1, 0, 0);
    }

    @Test
    void overlapsAndLabelCountsFollowEveryRolesScope() {
        String a = create("MARKETER", Map.of("branchIn", List.of(branchA)));
        String both = create("MARKETER", Map.of("branchIn", List.of(branchA, branchB)));
        String b = create("MARKETER", Map.of("branchIn", List.of(branchB)));
        String label = as(tokens.get("MARKETER")).documentName("mobile/CreateLabel").variable("input", Map.of(
                "key", unique("every-role").replace("-", "_"), "name", "每个角色", "category", "MARKETING", "kind", "MANUAL"))
                .execute().path("createLabel.label.id").entity(String.class).get();
        as(tokens.get("MARKETER")).documentName("mobile/ApplyLabel").variable("input", Map.of("labelId", label,
                "customerIds", List.of(customers.get("c1"), customers.get("c2"), customers.get("c3")))).execute()
                .path("applyLabel.userErrors").entityList(Object.class).hasSize(0);
        // Overlaps in pair order (a, both), (a, b), (both, b); label counts of c1 (A, RM a1), c2 (A), c3 (B).
        Map<String, List<Integer>> overlaps = Map.of("ADMIN", List.of(2, 0, 1), "MARKETER", List.of(2, 0, 1),
                "ANALYST", List.of(2, 0, 1), "BRANCH_MANAGER", List.of(2, 0, 0), "RELATIONSHIP_MANAGER", List.of(1, 0, 0));
        Map<String, Integer> labelCounts = Map.of("ADMIN", 3, "MARKETER", 3, "ANALYST", 3, "BRANCH_MANAGER", 2,
                "RELATIONSHIP_MANAGER", 1);
        overlaps.forEach((role, counts) -> as(tokens.get(role)).documentName("mobile/SegmentOverlap")
                .variable("ids", List.of(a, both, b)).execute()
                .path("segmentOverlap[*].count").entityList(Integer.class).containsExactly(counts.toArray(Integer[]::new)));
        labelCounts.forEach((role, count) -> assertThat(labelCount(tokens.get(role), label)).as(role).isEqualTo(count));
        for (String role : List.of("SERVICE", "CUSTOMER")) {
            assertClassification(as(tokens.get(role)).documentName("mobile/SegmentOverlap").variable("ids", List.of(a, b))
                    .execute(), "FORBIDDEN");
            assertClassification(as(tokens.get(role)).document("query($id: ID!) { label(id: $id) { customerCount } }")
                    .variable("id", label).execute(), "FORBIDDEN");
        }
    }

    @Test
    void aSegmentInUseIsNotDeletedAndBranchManagersChangeOnlyTheirBranchsSegments() {
        String base = create("MARKETER", Map.of("branchIn", List.of(branchA)));
        String user = create("MARKETER", Map.of("inSegment", base));
        assertThat(delete("MARKETER", base)).isEqualTo("IN_USE");
        String label = as(tokens.get("MARKETER")).documentName("mobile/CreateLabel").variable("input", Map.of(
                "key", unique("uses").replace("-", "_"), "name", "用户", "category", "MARKETING", "kind", "RULE",
                "rule", Map.of("inSegment", user))).execute()
                .path("createLabel.userErrors").entityList(Object.class).hasSize(0).path("createLabel.label.id").entity(String.class).get();
        assertThat(label).isNotBlank();
        assertThat(delete("MARKETER", user)).isEqualTo("IN_USE");
        String own = create("BRANCH_MANAGER", Map.of("consentTo", "SMS"));
        assertThat(delete("BRANCH_MANAGER", base)).isEqualTo("NOT_FOUND");
        assertThat(delete("BRANCH_MANAGER", own)).isNull();
        assertClassification(as(tokens.get("RELATIONSHIP_MANAGER")).documentName("mobile/CreateSegment").variable("input",
                Map.of("name", "rm", "rule", Map.of("consentTo", "SMS"))).execute(), "FORBIDDEN");
    }

    @Test
    void ruleLabelsFollowTheDataOnCountsAndPortraits() throws InterruptedException {
        String key = unique("sms-ours").replace("-", "_");
        String marketer = tokens.get("MARKETER");
        String labelId = as(marketer).documentName("mobile/CreateLabel").variable("input", Map.of("key", key, "name", "短信可达",
                "category", "MARKETING", "kind", "RULE", "rule", Map.of("and", List.of(
                        Map.of("branchIn", List.of(branchA, branchB)), Map.of("consentTo", "SMS"))))).execute()
                .path("createLabel.userErrors").entityList(Object.class).hasSize(0)
                .path("createLabel.label.id").entity(String.class).get();
        assertThat(labelCount(marketer, labelId)).isEqualTo(2);
        assertThat(labelCount(tokens.get("RELATIONSHIP_MANAGER"), labelId)).isEqualTo(1);
        assertThat(labelSources(customers.get("c1"))).containsEntry(key, "RULE");
        assertThat(labelSources(customers.get("c2"))).doesNotContainKey(key);
        as(marketer).documentName("mobile/ApplyLabel").variable("input", Map.of("labelId", labelId,
                "customerIds", List.of(customers.get("c2")))).execute()
                .path("applyLabel.userErrors[0].code").entity(String.class).isEqualTo("NOT_MANUAL");

        feedConsent("c2", true);
        assertThat(labelCount(marketer, labelId)).isEqualTo(3);
        assertThat(count("MARKETER", Map.of("hasLabel", key))).isEqualTo(3);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!labelSources(customers.get("c2")).containsKey(key) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(labelSources(customers.get("c2"))).containsEntry(key, "RULE");
        feedConsent("c2", false);
        deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (labelSources(customers.get("c2")).containsKey(key) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(labelSources(customers.get("c2"))).doesNotContainKey(key);
    }

    private int labelCount(String token, String labelId) {
        return as(token).document("query($id: ID!) { label(id: $id) { customerCount } }").variable("id", labelId).execute()
                .path("label.customerCount").entity(Integer.class).get();
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> labelSources(String customerId) {
        Map<String, String> sources = new HashMap<>();
        as(adminToken()).document("query($id: ID!) { customer(id: $id) { labels { source label { key } } } }")
                .variable("id", customerId).execute().path("customer.labels").entityList(Map.class).get()
                .forEach(l -> sources.put((String) ((Map<String, Object>) l.get("label")).get("key"), (String) l.get("source")));
        return sources;
    }

    private int count(String role, Map<String, Object> rule) {
        return as(tokens.get(role)).documentName("mobile/PreviewSegment").variable("rule", rule).execute()
                .path("previewSegment.userErrors").entityList(Object.class).hasSize(0)
                .path("previewSegment.count").entity(Integer.class).get();
    }

    private String create(String role, Map<String, Object> rule) {
        return as(tokens.get(role)).documentName("mobile/CreateSegment").variable("input", Map.of("name", unique("s"),
                "rule", rule)).execute().path("createSegment.userErrors").entityList(Object.class).hasSize(0)
                .path("createSegment.segment.id").entity(String.class).get();
    }

    private String delete(String role, String id) {
        var response = as(tokens.get(role)).document("""
                mutation($input: DeleteSegmentInput!) { deleteSegment(input: $input) { deletedId userErrors { code } } }""")
                .variable("input", Map.of("id", id)).execute();
        List<String> codes = response.path("deleteSegment.userErrors[*].code").entityList(String.class).get();
        return codes.isEmpty() ? null : codes.get(0);
    }

    private void feed(String name, String manager, String aum, boolean smsConsent) {
        String ref = unique("G" + name);
        customers.put(name + ".ref", ref);
        customers.put(name + ".rm", manager);
        customers.put(name + ".aum", aum);
        as(service).documentName("feed/UpsertCustomers").variable("input", Map.of("customers", List.of(row(name, smsConsent))))
                .execute().path("upsertCustomers.rows[0].userErrors").entityList(Object.class).hasSize(0);
        customers.put(name, as(service).documentName("feed/CustomerByRef").variable("externalRef", ref).execute()
                .path("customerByRef.id").entity(String.class).get());
    }

    private void feedConsent(String name, boolean smsConsent) {
        as(service).documentName("feed/UpsertCustomers").variable("input", Map.of("customers", List.of(row(name, smsConsent))))
                .execute().path("upsertCustomers.rows[0].userErrors").entityList(Object.class).hasSize(0);
    }

    private Map<String, Object> row(String name, boolean smsConsent) {
        return Map.of("externalRef", customers.get(name + ".ref"), "name", "客户" + name, "managerCode",
                customers.get(name + ".rm"), "phone", "13812345678", "aum", customers.get(name + ".aum"),
                "consents", List.of(Map.of("channel", "SMS", "granted", smsConsent)));
    }
}
