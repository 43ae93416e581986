package dev.strata.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.strata.security.Role;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the full-stack tests: the whole service on a random port over the embedded in-memory store,
 * spoken to over real HTTP with real JWTs. All subclasses share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "strata.embedded-mongo.store=memory",
        "strata.data-dir=target/test-data",
        "strata.security.admin-password=" + StrataIntegrationTest.ADMIN_PASSWORD,
        "strata.security.jwt-secret=" + StrataIntegrationTest.JWT_SECRET,
        "strata.demo.customers=0",
        // Campaign work is polled; command-counting tests must not see the poller (campaign tests turn it back on).
        "strata.campaigns.poll-interval=PT1H",
        // Tests that work journeys drive their own runners; a background runner's first pass must not take their lanes.
        "strata.campaigns.runners=0",
        "strata.warmup.duration=PT0S",
        // Tests speak from loopback through a "proxy", so X-Forwarded-For gives each simulated caller its address.
        "strata.security.throttle.trusted-proxies=127.0.0.1,0:0:0:0:0:0:0:1,::1",
        // The cheapest BCrypt cost keeps sign-in fast in tests; production uses the default of 10.
        "strata.security.bcrypt-strength=4"})
@Import(MongoCommandCounter.Registration.class)
public abstract class StrataIntegrationTest {

    public static final String ADMIN_PASSWORD = "admin-test-password";
    /** Base64 of a 41-byte test key, so tests can forge tokens with the right and the wrong key. */
    public static final String JWT_SECRET = "c3RyYXRhLXRlc3Qtc2VjcmV0LWtleS1mb3ItandzLTEyMzQ1Njc4OTA=";
    public static final String PASSWORD = "correct-horse-battery";

    private static final AtomicInteger COUNTER = new AtomicInteger();

    @LocalServerPort
    protected int port;

    private String adminToken;

    /** A tester with no credentials, whose {@code documentName("mobile/Login")} reads {@code client-examples/mobile/Login.graphql}. */
    protected HttpGraphQlTester anonymous() {
        WebTestClient.Builder client = WebTestClient.bindToServer(new JdkClientHttpConnector())
                .baseUrl("http://localhost:" + port + "/graphql");
        return HttpGraphQlTester.builder(client).documentSource(ClientExamples.documentSource()).build();
    }

    /** A tester that sends {@code token} as its bearer token. */
    protected HttpGraphQlTester as(String token) {
        return anonymous().mutate().header("Authorization", "Bearer " + token).build();
    }

    protected HttpGraphQlTester asAdmin() {
        return as(adminToken());
    }

    protected String adminToken() {
        if (adminToken == null) {
            adminToken = login("admin", ADMIN_PASSWORD);
        }
        return adminToken;
    }

    protected String login(String username, String password) {
        return anonymous().documentName("mobile/Login")
                .variable("username", username).variable("password", password).execute()
                .path("login.userErrors").entityList(Object.class).hasSize(0)
                .path("login.token").entity(String.class).get();
    }

    /** Creates a user with the given roles (and branch or RM binding) and returns their token. */
    protected String userToken(String username, List<Role> roles, String branchCode, String managerCode) {
        asAdmin().documentName("admin/CreateUser")
                .variable("input", userInput(username, roles, branchCode, managerCode))
                .execute().path("createUser.userErrors").entityList(Object.class).hasSize(0);
        return login(username, PASSWORD);
    }

    private static Map<String, Object> userInput(String username, List<Role> roles, String branchCode, String managerCode) {
        Map<String, Object> input = new HashMap<>();
        input.put("username", username);
        input.put("password", PASSWORD);
        input.put("roles", roles.stream().map(Role::name).toList());
        input.put("branchCode", branchCode);
        input.put("managerCode", managerCode);
        return input;
    }

    protected String userToken(String username, Role role) {
        return userToken(username, List.of(role), null, null);
    }

    /**
     * Creates branches and relationship managers through the admin documents, as an admin would.
     *
     * @param branchCodes      the branches to create
     * @param managerBranches  RM code → the branch it belongs to
     */
    protected void organisation(List<String> branchCodes, Map<String, String> managerBranches) {
        asAdmin().documentName("admin/UpsertBranches").variable("input", Map.of("branches", branchCodes.stream()
                .map(code -> Map.of("code", code, "name", "支行" + code, "city", "上海")).toList()))
                .execute().path("upsertBranches.userErrors").entityList(Object.class).hasSize(0);
        asAdmin().documentName("admin/UpsertRelationshipManagers").variable("input", Map.of("managers",
                managerBranches.entrySet().stream().map(e -> Map.of("code", e.getKey(), "name", "王芳", "branchCode",
                        e.getValue())).toList()))
                .execute().path("upsertRelationshipManagers.userErrors").entityList(Object.class).hasSize(0);
    }

    /** A signed-in token for every role, by role name: the branch manager bound to {@code branch}, the RM to {@code manager}. */
    protected Map<String, String> tokensForEveryRole(String branch, String manager) {
        Map<String, String> tokens = new HashMap<>();
        tokens.put("ADMIN", adminToken());
        for (Role role : List.of(Role.MARKETER, Role.ANALYST, Role.SERVICE, Role.CUSTOMER)) {
            tokens.put(role.name(), userToken(unique(role.name().toLowerCase()), role));
        }
        tokens.put("BRANCH_MANAGER", userToken(unique("bm"), List.of(Role.BRANCH_MANAGER), branch, null));
        tokens.put("RELATIONSHIP_MANAGER", userToken(unique("rm"), List.of(Role.RELATIONSHIP_MANAGER), null, manager));
        return tokens;
    }

    /** Sends events as the mini-program does and returns the customer the identity now belongs to (a new prospect, say). */
    protected String trackAndFindOwner(String serviceToken, List<?> events, String channel, String externalId) {
        as(serviceToken).documentName("mini-program/TrackEvents").variable("input", Map.of("events", events))
                .execute().path("trackEvents.rejected").entityList(Object.class).hasSize(0);
        return as(serviceToken).documentName("mini-program/CustomerByIdentity").variable("channel", channel)
                .variable("externalId", externalId).execute().path("customerByIdentity.id").entity(String.class).get();
    }

    /** A name no other test uses, for keys that must be unique in the shared store. */
    protected static String unique(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() % 1000 + "-" + COUNTER.incrementAndGet();
    }

    /** Asserts that the response carries an error with this classification (e.g. UNAUTHORIZED). */
    protected static void assertClassification(GraphQlTester.Response response, String classification) {
        response.errors().satisfy(errors -> assertThat(errors)
                .as("errors of the response").isNotEmpty()
                .extracting(StrataIntegrationTest::classificationOf).contains(classification));
    }

    private static Object classificationOf(ResponseError error) {
        return error.getExtensions().get("classification");
    }
}
