package dev.strata.customer;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.strata.security.Role;
import dev.strata.support.StrataIntegrationTest;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * From the feed's upsert to scoped reads, end to end through the client documents: branches and RMs, the
 * feed's upsert and replays, RM and marketer reads with scope and masking, and labels with scoped counts.
 */
class FeedIngestAndScopedPortraitsTests extends StrataIntegrationTest {

    @Autowired
    private MongoTemplate mongo;

    private String branch;
    private String rmA;
    private String rmB;
    private String feed;
    private String marketer;
    private String rmAToken;

    @BeforeEach
    void organisation() {
        branch = unique("BR");
        rmA = unique("RMA");
        rmB = unique("RMB");
        asAdmin().documentName("admin/UpsertBranches")
                .variable("input", Map.of("branches", List.of(Map.of("code", branch, "name", "南京分行", "city", "南京"))))
                .execute().path("upsertBranches.userErrors").entityList(Object.class).hasSize(0)
                .path("upsertBranches.branches[0].code").entity(String.class).isEqualTo(branch);
        asAdmin().documentName("admin/UpsertRelationshipManagers")
                .variable("input", Map.of("managers", List.of(
                        Map.of("code", rmA, "name", "王芳", "branchCode", branch, "title", "高级客户经理"),
                        Map.of("code", rmB, "name", "李强", "branchCode", branch))))
                .execute().path("upsertRelationshipManagers.userErrors").entityList(Object.class).hasSize(0)
                .path("upsertRelationshipManagers.managers[0].branch.code").entity(String.class).isEqualTo(branch);
        feed = userToken(unique("feed"), Role.SERVICE);
        marketer = userToken(unique("mkt"), Role.MARKETER);
        rmAToken = userToken(unique("rma"), List.of(Role.RELATIONSHIP_MANAGER), null, rmA);
    }

    @Test
    void feedUpsertStoresGoodRowsAndReportsBadOnesByIndex() {
        String ref = unique("C");
        var rows = List.of(row(ref + "1", rmA, "13812345678"), row(ref + "2", rmA, "13912345678"),
                row(ref + "3", rmB, "18612345678"), row(ref + "4", rmA, "2381234567"));
        GraphQlTester.Response response = upsert(feed, unique("key"), rows);
        response.path("upsertCustomers.created").entity(Integer.class).isEqualTo(3)
                .path("upsertCustomers.rows[3].index").entity(Integer.class).isEqualTo(3)
                .path("upsertCustomers.rows[3].externalRef").entity(String.class).isEqualTo(ref + "4")
                .path("upsertCustomers.rows[3].userErrors[0].field").entityList(String.class)
                .containsExactly("customers", "3", "phone")
                .path("upsertCustomers.rows[3].customer").valueIsNull()
                .path("upsertCustomers.rows[0].customer.id").entity(String.class).satisfies(id -> assertThat(id).isNotBlank());
        as(feed).documentName("feed/CustomerByRef").variable("externalRef", ref + "2").execute()
                .path("customerByRef.name").entity(String.class).isEqualTo("张伟");
    }

    @Test
    void feedIdentitiesFollowOneIdAndSurviveLaterFeeds() {
        String ref = unique("I");
        String openid = unique("wx");
        Map<String, Object> first = row(ref + "1", rmA, "13812345678");
        first.put("identities", List.of(Map.of("channel", "WECHAT", "externalId", openid)));
        Map<String, Object> thief = row(ref + "2", rmA, "13912345678");
        thief.put("identities", List.of(Map.of("channel", "WECHAT", "externalId", openid)));
        upsert(feed, null, List.of(first, thief))
                .path("upsertCustomers.created").entity(Integer.class).isEqualTo(1)
                .path("upsertCustomers.rows[1].userErrors[0].code").entity(String.class).isEqualTo("IDENTITY_TAKEN")
                .path("upsertCustomers.rows[1].userErrors[0].field").entityList(String.class)
                .containsExactly("customers", "1", "identities");
        String id = customerId(ref + "1");
        as(feed).documentName("mini-program/CustomerByIdentity")
                .variable("channel", "WECHAT").variable("externalId", openid).execute()
                .path("customerByIdentity.id").entity(String.class).isEqualTo(id);
        Map<String, Object> later = row(ref + "1", rmA, "13812345678");
        later.put("identities", List.of(Map.of("channel", "APP_PUSH", "externalId", openid + "-app")));
        upsert(feed, null, List.of(later)).path("upsertCustomers.updated").entity(Integer.class).isEqualTo(1);
        as(marketer).documentName("mobile/CustomerPortrait").variable("id", id).execute()
                .path("customer.identities[*].channel").entityList(String.class).contains("WECHAT", "APP_PUSH");
    }

    @Test
    void replayWithTheSameKeyOrTheSameContentCreatesNothing() {
        String ref = unique("R");
        String key = unique("key");
        var rows = List.of(row(ref + "1", rmA, "13812345678"), row(ref + "2", rmB, "13912345678"));
        var keyed = List.of(rows.get(0), row(ref + "X", rmA, "12345"), rows.get(1));
        Map<?, ?> first = upsert(feed, key, keyed).path("upsertCustomers").entity(Map.class).get();
        assertThat(first.get("created")).isEqualTo(2);
        assertThat(first.toString()).contains("phone", ref + "X");
        Map<?, ?> replay = upsert(feed, key, keyed).path("upsertCustomers").entity(Map.class).get();
        assertThat(replay).as("the replay answers exactly what the first call answered").isEqualTo(first);
        upsert(feed, null, rows)
                .path("upsertCustomers.created").entity(Integer.class).isEqualTo(0)
                .path("upsertCustomers.unchanged").entity(Integer.class).isEqualTo(2);
        var changed = List.of(row(ref + "1", rmA, "13800000000"), row(ref + "2", rmB, "13912345678"));
        upsert(feed, null, changed)
                .path("upsertCustomers.updated").entity(Integer.class).isEqualTo(1)
                .path("upsertCustomers.unchanged").entity(Integer.class).isEqualTo(1);
        as(marketer).documentName("mobile/MyCustomers")
                .variable("filter", Map.of("managerId", managerId(rmA))).execute()
                .path("customers.totalCount").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void anAnswerStoredByAnOlderBuildIsNotReplayedTheBatchRunsAgain() {
        String key = unique("legacy-key");
        mongo.getCollection("idempotency_keys").insertOne(new Document("_id", CustomerIngestService.OPERATION + ":" + key)
                .append("result", new Document("created", 7).append("rows", List.of())).append("createdAt", new Date()));
        upsert(feed, key, List.of(row(unique("L"), rmA, "13812345678")))
                .path("upsertCustomers.created").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void relationshipManagerSeesOnlyTheirBookWithPhonesUnmasked() {
        String ref = unique("S");
        upsert(feed, null, List.of(row(ref + "1", rmA, "13812345678"), row(ref + "2", rmA, "13912345678"),
                row(ref + "3", rmB, "18612345678")));
        var page = as(rmAToken).documentName("mobile/MyCustomers").variable("first", 100).execute();
        page.path("customers.totalCount").entity(Integer.class).isEqualTo(2)
                .path("customers.edges[*].node.phone").entityList(String.class).contains("13812345678", "13912345678").hasSize(2);
        String outsider = customerId(ref + "3");
        var forbidden = as(rmAToken).documentName("mobile/CustomerPortrait").variable("id", outsider).execute();
        assertClassification(forbidden, "FORBIDDEN");
        forbidden.path("customer").valueIsNull();
        String own = customerId(ref + "1");
        as(rmAToken).documentName("mobile/CustomerPortrait").variable("id", own).execute()
                .path("customer.phone").entity(String.class).isEqualTo("13812345678")
                .path("customer.idNumber").entity(String.class).isEqualTo("11***************1")
                .path("customer.manager.code").entity(String.class).isEqualTo(rmA)
                .path("customer.branch.code").entity(String.class).isEqualTo(branch);
    }

    @Test
    void marketerSeesEveryoneMaskedAndAdminReadsOfIdNumbersAreAudited() {
        String ref = unique("M");
        upsert(feed, null, List.of(row(ref + "1", rmB, "13812345678")));
        String id = customerId(ref + "1");
        as(marketer).documentName("mobile/CustomerPortrait").variable("id", id).execute()
                .path("customer.phone").entity(String.class).isEqualTo("138******78")
                .path("customer.idNumber").entity(String.class).isEqualTo("11***************1");
        asAdmin().documentName("mobile/CustomerPortrait").variable("id", id).execute()
                .path("customer.idNumber").entity(String.class).isEqualTo("110101199003070011");
        asAdmin().documentName("admin/AuditLog").execute()
                .path("auditLog.edges[*].node").entityList(Map.class)
                .satisfies(entries -> assertThat(entries).anyMatch(e -> "READ_UNMASKED".equals(e.get("action"))
                        && "idNumber".equals(e.get("field")) && "admin".equals(e.get("actor"))));
    }

    @Test
    void labelsAreAppliedWithinScopeAndCountedPerViewer() {
        String ref = unique("L");
        upsert(feed, null, List.of(row(ref + "1", rmA, "13812345678"), row(ref + "2", rmA, "13912345678"),
                row(ref + "3", rmB, "18612345678")));
        String key = unique("vip").replace("-", "_");
        String labelId = as(marketer).documentName("mobile/CreateLabel")
                .variable("input", Map.of("key", key, "name", "贵宾", "category", "VALUE", "kind", "MANUAL")).execute()
                .path("createLabel.userErrors").entityList(Object.class).hasSize(0)
                .path("createLabel.label.id").entity(String.class).get();
        List<String> all = List.of(customerId(ref + "1"), customerId(ref + "2"), customerId(ref + "3"));
        as(marketer).documentName("mobile/ApplyLabel")
                .variable("input", Map.of("labelId", labelId, "customerIds", all)).execute()
                .path("applyLabel.applied").entity(Integer.class).isEqualTo(3);
        as(marketer).documentName("mobile/ApplyLabel")
                .variable("input", Map.of("labelId", labelId, "customerIds", all)).execute()
                .path("applyLabel.applied").entity(Integer.class).isEqualTo(0);
        assertThat(labelCount(marketer, labelId)).isEqualTo(3);
        assertThat(labelCount(rmAToken, labelId)).isEqualTo(2);
        as(rmAToken).documentName("mobile/RemoveLabel")
                .variable("input", Map.of("labelId", labelId, "customerIds", all)).execute()
                .path("removeLabel.removed").entity(Integer.class).isEqualTo(2)
                .path("removeLabel.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND")
                .path("removeLabel.userErrors[0].field").entityList(String.class).containsExactly("customerIds", "2");
        assertThat(labelCount(marketer, labelId)).isEqualTo(1);
        as(marketer).documentName("mobile/Labels").variable("category", "VALUE").execute()
                .path("labels.edges[*].node.key").entityList(String.class).contains(key);
        as(marketer).documentName("mobile/MyCustomers")
                .variable("filter", Map.of("labelId", labelId)).execute()
                .path("customers.totalCount").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void nodeResolvesEveryTypeOfTheSlice() {
        String ref = unique("N");
        upsert(feed, null, List.of(row(ref + "1", rmA, "13812345678")));
        String customerId = customerId(ref + "1");
        var portrait = asAdmin().documentName("mobile/CustomerPortrait").variable("id", customerId).execute();
        String branchId = portrait.path("customer.branch.id").entity(String.class).get();
        String managerId = portrait.path("customer.manager.id").entity(String.class).get();
        for (String id : List.of(customerId, branchId, managerId)) {
            asAdmin().document("query($id: ID!) { node(id: $id) { id } }").variable("id", id).execute()
                    .path("node.id").entity(String.class).isEqualTo(id);
        }
        var outOfScope = as(userToken(unique("rmb"), List.of(Role.RELATIONSHIP_MANAGER), null, rmB))
                .document("query($id: ID!) { node(id: $id) { id } }").variable("id", customerId).execute();
        assertClassification(outOfScope, "FORBIDDEN");
        outOfScope.path("node").valueIsNull();
    }

    @Test
    void viewerShowsTheRmBinding() {
        as(rmAToken).documentName("mobile/Viewer").execute()
                .path("viewer.manager.code").entity(String.class).isEqualTo(rmA)
                .path("viewer.branch.code").entity(String.class).isEqualTo(branch);
    }

    @Test
    void serviceAccountCannotListPortraits() {
        assertClassification(as(feed).documentName("mobile/MyCustomers").execute(), "FORBIDDEN");
    }

    private GraphQlTester.Response upsert(String token, String key, List<Map<String, Object>> rows) {
        Map<String, Object> input = new HashMap<>();
        input.put("idempotencyKey", key);
        input.put("customers", rows);
        return as(token).documentName("feed/UpsertCustomers").variable("input", input).execute();
    }

    private Map<String, Object> row(String ref, String manager, String phone) {
        Map<String, Object> row = new HashMap<>();
        row.put("externalRef", ref);
        row.put("name", "张伟");
        row.put("gender", "M");
        row.put("birthDate", "1990-03-07");
        row.put("phone", phone);
        row.put("idNumber", "110101199003070011");
        row.put("managerCode", manager);
        row.put("aum", "120000.50");
        row.put("deposits", "80000");
        return row;
    }

    private String customerId(String ref) {
        return as(feed).documentName("feed/CustomerByRef").variable("externalRef", ref).execute()
                .path("customerByRef.id").entity(String.class).get();
    }

    private String managerId(String code) {
        return dev.strata.graphql.GlobalId.encode("RelationshipManager", code);
    }

    private int labelCount(String token, String labelId) {
        return as(token).document("query($id: ID!) { label(id: $id) { customerCount } }").variable("id", labelId).execute()
                .path("label.customerCount").entity(Integer.class).get();
    }
}
