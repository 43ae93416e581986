package dev.strata.graphql;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.strata.security.Role;
import dev.strata.support.StrataIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The bank the failure-answer tests share: one branch, RM A (whose token the tests use) and RM B, each
 * with a customer, the feed, a marketer and a manual label, so every mutation has something to name.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FailureAnswersSupport extends StrataIntegrationTest {

    protected String branch;
    protected String rmA;
    protected String rmB;
    protected String rm;
    protected String feed;
    protected String marketer;
    protected String own;
    protected String others;

    @BeforeAll
    void bank() {
        branch = unique("FB");
        rmA = unique("FRA");
        rmB = unique("FRB");
        asAdmin().documentName("admin/UpsertBranches")
                .variable("input", Map.of("branches", List.of(Map.of("code", branch, "name", "失败支行")))).execute()
                .path("upsertBranches.userErrors").entityList(Object.class).hasSize(0);
        asAdmin().documentName("admin/UpsertRelationshipManagers").variable("input", Map.of("managers", List.of(
                Map.of("code", rmA, "name", "甲", "branchCode", branch), Map.of("code", rmB, "name", "乙", "branchCode", branch))))
                .execute().path("upsertRelationshipManagers.userErrors").entityList(Object.class).hasSize(0);
        feed = userToken(unique("feed"), Role.SERVICE);
        marketer = userToken(unique("mkt"), Role.MARKETER);
        rm = userToken(unique("rm"), List.of(Role.RELATIONSHIP_MANAGER), null, rmA);
        own = customer(rmA);
        others = customer(rmB);
    }

    /** A new core-banking customer in an RM's book; returns its global ID. */
    protected String customer(String managerCode) {
        return as(feed).documentName("feed/UpsertCustomers").variable("input", Map.of("customers",
                List.of(Map.of("externalRef", unique("F"), "name", "林芳", "managerCode", managerCode)))).execute()
                .path("upsertCustomers.rows[0].userErrors").entityList(Object.class).hasSize(0)
                .path("upsertCustomers.rows[0].customer.id").entity(String.class).get();
    }

    protected String label() {
        return as(marketer).documentName("mobile/CreateLabel").variable("input", Map.of("key", unique("f").replace("-", "_"),
                "name", "失败", "category", "BASIC", "kind", "MANUAL")).execute()
                .path("createLabel.label.id").entity(String.class).get();
    }

    protected GraphQlTester.Response applyLabel(String token, String labelId, List<String> customerIds) {
        return as(token).documentName("mobile/ApplyLabel")
                .variable("input", Map.of("labelId", labelId, "customerIds", customerIds)).execute();
    }

    protected GraphQlTester.Response removeLabel(String token, String labelId, List<String> customerIds) {
        return as(token).documentName("mobile/RemoveLabel")
                .variable("input", Map.of("labelId", labelId, "customerIds", customerIds)).execute();
    }

    protected GraphQlTester.Response logVisit(String customerId, String revenue) {
        Map<String, Object> input = new HashMap<>(Map.of("customerId", customerId, "channel", "PHONE_CALL", "outcome", "REACHED"));
        input.put("revenue", revenue);
        return as(rm).documentName("mobile/LogVisit").variable("input", input).execute();
    }

    protected GraphQlTester.Response link(String token, String customerId, String externalId) {
        return as(token).documentName("mini-program/LinkIdentity").variable("input",
                Map.of("customerId", customerId, "channel", "WECHAT", "externalId", externalId)).execute();
    }

    protected GraphQlTester.Response merge(String survivorId, String mergedId) {
        return as(marketer).documentName("mini-program/MergeCustomers")
                .variable("input", Map.of("survivorId", survivorId, "mergedId", mergedId)).execute();
    }

    protected GraphQlTester.Response track(List<Map<String, Object>> events) {
        return as(feed).documentName("mini-program/TrackEvents").variable("input", Map.of("events", events)).execute();
    }

    protected static Map<String, Object> event(String customerId, Instant at) {
        return new HashMap<>(Map.of("customerId", customerId, "type", "LOGIN", "channel", "APP_PUSH", "occurredAt", at.toString()));
    }

    /** The userErrors at {@code path} as plain maps, for comparing whole answers. */
    protected static List<Map<String, Object>> userErrors(GraphQlTester.Response response, String path) {
        return response.path(path).entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
        }).get();
    }
}
