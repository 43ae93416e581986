package dev.strata.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import dev.strata.security.Role;
import dev.strata.support.ClientExamples;
import dev.strata.support.StrataIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every client document runs with the variables beside it, sent by the account its folder names, against the
 * demo bank of the default seed: the examples a newcomer copies into GraphiQL work as they stand.
 *
 * <p>The variables name demo data: {@code rm001} and their customers (C00000029, C00000058, C00000079, C00000145),
 * the demo labels, openids of demo customers. Seed 20261123 is the default, so the same IDs work against
 * {@code mvn spring-boot:run}. Dates sit on 2026-11-24 (Shanghai), so the service's clock starts there.
 */
@TestPropertySource(properties = {"strata.demo.customers=" + ClientExamplesRunWithTheirVariablesTests.DEMO_CUSTOMERS,
        "strata.demo.seed=20261123"})
class ClientExamplesRunWithTheirVariablesTests extends StrataIntegrationTest {

    /** Enough of the demo book for every customer the variables name (the highest is C00000145). */
    static final int DEMO_CUSTOMERS = 200;
    /** The morning the examples were written: the balances are of the day before, the events of minutes before. */
    static final Instant EXAMPLES_WRITTEN = OffsetDateTime.parse("2026-11-24T09:00:00+08:00").toInstant();
    static final String DEMO_PASSWORD = "demo-pass-2026";
    static final String ANONYMOUS = "";
    /** The account the mini-program backend signs in with; the demo bank has only the core-banking feed's. */
    static final String MINI_PROGRAM_SERVICE = "mini-program";

    /** The folder names the client and so the account that sends its documents. */
    private static final Map<String, String> SENDER_OF_FOLDER = Map.of("admin", "admin", "feed", "feed",
            "mini-program", MINI_PROGRAM_SERVICE, "mobile", "rm001", "business-card", ANONYMOUS);
    /**
     * Documents their folder's account does not send: only marketers define labels and build and launch campaigns (the
     * mini-program's admin front end signs in as one), another checker approves, login comes before any token, and
     * channels report responses without one. Campaign and task IDs name the demo campaigns (DemoCampaigns).
     */
    private static final Map<String, String> SENDER_OF_DOCUMENT = Map.ofEntries(Map.entry("mobile/CreateLabel", "marketer"),
            Map.entry("mobile/CreateRuleLabel", "marketer"), Map.entry("mobile/CreateSegment", "marketer"),
            Map.entry("mobile/SnapshotSegment", "marketer"), Map.entry("mobile/UpdateSegment", "marketer"),
            Map.entry("mobile/Login", ANONYMOUS),
            Map.entry("mobile/CreateCampaign", "marketer"), Map.entry("mobile/SubmitCampaign", "marketer"),
            Map.entry("mobile/ApproveCampaign", "admin"), Map.entry("mobile/LaunchCampaign", "marketer"),
            Map.entry("mobile/Campaign", "marketer"), Map.entry("mobile/Campaigns", "marketer"),
            Map.entry("mini-program/LaunchCampaign", "marketer"), Map.entry("mini-program/RecordResponse", ANONYMOUS));
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TestBean
    Clock clock;

    /** A ticking clock that starts on the morning the examples describe. */
    static Clock clock() {
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), EXAMPLES_WRITTEN));
    }

    static Stream<Path> documents() {
        return ClientExamples.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void documentRunsWithItsVariablesWithoutErrorsOrUserErrors(Path document) throws IOException {
        String name = ClientExamples.name(document);
        Map<String, Object> variables = withLiveIds(name, variables(name));

        GraphQlTester.Response response = sender(name).documentName(name).variables(variables).execute();

        response.errors().verify();
        Map<String, Object> data = response.path("").entity(new ParameterizedTypeReference<Map<String, Object>>() {
        }).get();
        assertThat(data).as("data of %s", name).isNotEmpty();
        assertThat(data.values()).as("%s names data that exists (a null root field means a stale ID or reference)", name)
                .doesNotContainNull();
        assertThat(userErrors(data)).as("userErrors of %s", name).isEmpty();
    }

    private Map<String, Object> variables(String name) throws IOException {
        return JSON.readValue(Files.readString(ClientExamples.variablesOf(name)),
                JSON.getTypeFactory().constructMapType(HashMap.class, String.class, Object.class));
    }

    /**
     * The one placeholder: the record the mini-program folds into a bank customer is a walk-in prospect, created with
     * a fresh ID when an unknown openid first shows up. So this visitor shows up first, and their prospect's ID
     * replaces the file's {@code mergedId}, which shows the shape of such an ID.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> withLiveIds(String name, Map<String, Object> variables) {
        if (name.equals("mini-program/MergeCustomers")) {
            Map<String, Object> input = new HashMap<>((Map<String, Object>) variables.get("input"));
            input.put("mergedId", walkInProspect("oVx3Kp8TqL2mNa5Rz7Yc1WbE4Hd9"));
            variables.put("input", input);
        }
        return variables;
    }

    private String walkInProspect(String openid) {
        Map<String, Object> event = Map.of("identity", Map.of("channel", "MINI_PROGRAM", "externalId", openid),
                "type", "VIEW_CARD", "occurredAt", clock.instant().minusSeconds(90).toString());
        HttpGraphQlTester service = as(token(MINI_PROGRAM_SERVICE));
        service.documentName("mini-program/TrackEvents").variable("input", Map.of("events", List.of(event))).execute()
                .path("trackEvents.accepted").entity(Integer.class).isEqualTo(1);
        return service.documentName("mini-program/CustomerByIdentity").variable("channel", "MINI_PROGRAM")
                .variable("externalId", openid).execute()
                .path("customerByIdentity.lifecycleStage").entity(String.class).isEqualTo("PROSPECT")
                .path("customerByIdentity.id").entity(String.class).get();
    }

    private HttpGraphQlTester sender(String name) {
        String folder = name.substring(0, name.indexOf('/'));
        String username = SENDER_OF_DOCUMENT.getOrDefault(name, SENDER_OF_FOLDER.get(folder));
        assertThat(username).as("who sends %s", name).isNotNull();
        return username.equals(ANONYMOUS) ? anonymous() : as(token(username));
    }

    private String token(String username) {
        return TOKENS.computeIfAbsent(username, u -> switch (u) {
            case "admin" -> adminToken();
            case MINI_PROGRAM_SERVICE -> userToken(u, Role.SERVICE);
            default -> login(u, DEMO_PASSWORD);
        });
    }

    /** Every non-empty {@code userErrors} list anywhere in the data: on the payload, on its rows and rejected entries. */
    private static List<Object> userErrors(Object node) {
        if (node instanceof Map<?, ?> map) {
            return map.entrySet().stream().flatMap(e -> e.getKey().equals("userErrors") && e.getValue() instanceof List<?> list
                    ? list.stream().map(Object.class::cast) : userErrors(e.getValue()).stream()).toList();
        }
        if (node instanceof List<?> list) {
            return list.stream().flatMap(item -> userErrors(item).stream()).toList();
        }
        return List.of();
    }
}
