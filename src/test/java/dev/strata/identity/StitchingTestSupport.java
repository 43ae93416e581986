package dev.strata.identity;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.strata.graphql.GlobalId;
import dev.strata.security.Role;
import dev.strata.support.StrataIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Base of the identity and event tests: a branch with two RMs, the feed and mini-program service
 * accounts, and helpers that go through the client documents.
 */
public abstract class StitchingTestSupport extends StrataIntegrationTest {

    @Autowired
    protected MongoTemplate mongo;

    protected String branch;
    protected String rmA;
    protected String rmB;
    protected String service;
    protected String marketer;

    @BeforeEach
    void stitchingOrganisation() {
        branch = unique("IB");
        rmA = unique("IRA");
        rmB = unique("IRB");
        asAdmin().documentName("admin/UpsertBranches")
                .variable("input", Map.of("branches", List.of(Map.of("code", branch, "name", "苏州分行", "city", "苏州"))))
                .execute().path("upsertBranches.userErrors").entityList(Object.class).hasSize(0);
        asAdmin().documentName("admin/UpsertRelationshipManagers")
                .variable("input", Map.of("managers", List.of(Map.of("code", rmA, "name", "周敏", "branchCode", branch),
                        Map.of("code", rmB, "name", "吴刚", "branchCode", branch))))
                .execute().path("upsertRelationshipManagers.userErrors").entityList(Object.class).hasSize(0);
        service = userToken(unique("svc"), Role.SERVICE);
        marketer = userToken(unique("mkt"), Role.MARKETER);
    }

    /** Creates a core-banking customer in RM A's book and returns its global ID. */
    protected String feedCustomer(String ref, Map<String, Object> extra) {
        Map<String, Object> row = new HashMap<>(Map.of("externalRef", ref, "name", "陈静", "managerCode", rmA,
                "phone", "13812345678", "aum", "60000"));
        row.putAll(extra);
        return as(service).documentName("feed/UpsertCustomers")
                .variable("input", Map.of("customers", List.of(row))).execute()
                .path("upsertCustomers.rows[0].userErrors").entityList(Object.class).hasSize(0)
                .path("upsertCustomers.rows[0].customer.id").entity(String.class).get();
    }

    protected GraphQlTester.Response track(List<Map<String, Object>> events) {
        return as(service).documentName("mini-program/TrackEvents")
                .variable("input", Map.of("events", events)).execute();
    }

    /** An event addressed by a channel identity. */
    protected static Map<String, Object> byIdentity(String channel, String externalId, String type, Instant at) {
        Map<String, Object> event = new HashMap<>();
        event.put("identity", Map.of("channel", channel, "externalId", externalId));
        event.put("type", type);
        event.put("occurredAt", at.toString());
        return event;
    }

    /** An event addressed by customer ID. */
    protected static Map<String, Object> byCustomer(String customerId, String type, Instant at) {
        Map<String, Object> event = new HashMap<>();
        event.put("customerId", customerId);
        event.put("type", type);
        event.put("channel", "APP_PUSH");
        event.put("occurredAt", at.toString());
        return event;
    }

    protected static Map<String, Object> with(Map<String, Object> event, String key, String value) {
        event.put("properties", List.of(Map.of("key", key, "value", value)));
        return event;
    }

    /** The global ID of the customer owning an identity, as the mini-program backend would look it up. */
    protected String ownerOf(String channel, String externalId) {
        return as(service).documentName("mini-program/CustomerByIdentity")
                .variable("channel", channel).variable("externalId", externalId).execute()
                .path("customerByIdentity.id").entity(String.class).get();
    }

    protected long storedEvents(String customerGlobalId) {
        return mongo.count(Query.query(Criteria.where("customerId").is(local(customerGlobalId))), "events");
    }

    protected static String local(String customerGlobalId) {
        return GlobalId.localId(customerGlobalId, "Customer");
    }
}
