package dev.strata.graphql;

import dev.strata.support.StrataIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.graphql.execution.SchemaReport;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The API's shared conventions: full schema coverage, connection limits, global IDs and query guards. */
class GraphQlContractTests extends StrataIntegrationTest {

    @Autowired
    SchemaCoverage coverage;

    @Autowired
    ApplicationContext context;

    @Test
    void everySchemaFieldArgumentAndTypeIsMapped() {
        SchemaReport report = coverage.report();
        assertThat(report).isNotNull();
        assertThat(report.unmappedFields()).as("unmapped fields").isEmpty();
        assertThat(report.unmappedArguments()).as("unmapped arguments").isEmpty();
        assertThat(report.unmappedRegistrations()).as("unmapped registrations").isEmpty();
        assertThat(report.skippedTypes()).as("skipped types").isEmpty();
    }

    @Test
    void firstOverOneHundredIsABadRequest() {
        assertClassification(asAdmin().document("{ auditLog(first: 101) { totalCount } }").execute(), "BAD_REQUEST");
    }

    @Test
    void negativeFirstIsABadRequest() {
        assertClassification(asAdmin().document("{ labels(first: -1) { totalCount } }").execute(), "BAD_REQUEST");
    }

    @Test
    void firstOfOneHundredIsAllowed() {
        asAdmin().document("{ auditLog(first: 100) { edges { cursor } } }").execute().errors().verify();
    }

    @Test
    void cursorsPageThroughWithoutOverlap() {
        var firstPage = asAdmin().document("{ auditLog(first: 2) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }")
                .execute();
        String end = firstPage.path("auditLog.pageInfo.endCursor").entity(String.class).get();
        java.util.List<String> firstIds = firstPage.path("auditLog.edges[*].node.id").entityList(String.class).get();
        asAdmin().document("query($after: String) { auditLog(first: 2, after: $after) { edges { node { id } } } }")
                .variable("after", end).execute()
                .path("auditLog.edges[*].node.id").entityList(String.class)
                .satisfies(ids -> assertThat(ids).doesNotContainAnyElementsOf(firstIds));
    }

    @Test
    void malformedCursorIsABadRequest() {
        assertClassification(asAdmin().document("{ labels(after: \"!!not-a-cursor\") { totalCount } }").execute(),
                "BAD_REQUEST");
    }

    @Test
    void malformedGlobalIdIsABadRequest() {
        assertClassification(asAdmin().document("{ node(id: \"%%%\") { id } }").execute(), "BAD_REQUEST");
    }

    @Test
    void nodeResolvesAGlobalIdBackToItsEntity() {
        String userId = asAdmin().document("""
                mutation { createUser(input: {username: "%s", password: "long-enough-password", roles: [ANALYST]}) { user { id } } }
                """.formatted(unique("node"))).execute().path("createUser.user.id").entity(String.class).get();
        asAdmin().document("query($id: ID!) { node(id: $id) { id __typename ... on User { roles } } }")
                .variable("id", userId).execute()
                .path("node.id").entity(String.class).isEqualTo(userId)
                .path("node.__typename").entity(String.class).isEqualTo("User");
    }

    @Test
    void queriesDeeperThanTheLimitAreRefused() {
        asAdmin().document(introspectionOfDepth(12)).execute().errors().verify();
        assertClassification(asAdmin().document(introspectionOfDepth(20)).execute(), "ExecutionAborted");
    }

    @Test
    void depthIsJudgedOnEveryRequestOfADocumentWhateverEarlierRequestsOfItGot() {
        String deep = introspectionOfDepth(20);
        assertClassification(asAdmin().document(deep).execute(), "ExecutionAborted");
        assertClassification(asAdmin().document(deep).execute(), "ExecutionAborted");
        // Under @include the depth follows the variables: a pass with the deep part left out admits nothing later.
        int ofTypes = 16;
        String conditional = "query($deep: Boolean!) { __schema { types { name fields @include(if: $deep) { type { "
                + "ofType { ".repeat(ofTypes) + "name" + " }".repeat(ofTypes) + " } } } } }";
        asAdmin().document(conditional).variable("deep", false).execute().errors().verify();
        asAdmin().document(conditional).variable("deep", false).execute().errors().verify();
        assertClassification(asAdmin().document(conditional).variable("deep", true).execute(), "ExecutionAborted");
        asAdmin().document(introspectionOfDepth(12)).execute().errors().verify();
        asAdmin().document(introspectionOfDepth(12)).execute().errors().verify();
    }

    /** An introspection query nested {@code depth} levels deep through {@code ofType}. */
    private static String introspectionOfDepth(int depth) {
        int ofTypes = depth - 4;
        return "{ __schema { types { fields { type { " + "ofType { ".repeat(ofTypes) + "name" + " }".repeat(ofTypes)
                + " } } } } }";
    }

    @Test
    void schemaTextIsServed() {
        WebTestClient.bindToServer(new JdkClientHttpConnector()).baseUrl("http://localhost:" + port).build()
                .get().uri("/graphql/schema").header("Authorization", "Bearer " + adminToken()).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(schema -> assertThat(schema).contains("type Customer implements Node"));
    }

    @Test
    void graphiqlIsServed() {
        WebTestClient.bindToServer(new JdkClientHttpConnector()).baseUrl("http://localhost:" + port).build()
                .get().uri("/graphiql").exchange()
                .expectStatus().isOk();
    }

    @Test
    void healthIsUpWithoutCredentials() {
        health().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void healthIsOutOfServiceUntilStartUpWorkIsDone() {
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        try {
            health().expectStatus().isEqualTo(503).expectBody().jsonPath("$.status").isEqualTo("OUT_OF_SERVICE");
        } finally {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
        health().expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec health() {
        return WebTestClient.bindToServer(new JdkClientHttpConnector()).baseUrl("http://localhost:" + port).build()
                .get().uri("/actuator/health").exchange();
    }
}
