package dev.strata.graphql;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.strata.security.Role;
import dev.strata.support.StrataIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Apollo APQ over POST and GET: unknown hashes, remembered documents, client documents known from the start, no GET mutations. */
class PersistedQueriesTests extends StrataIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void anUnknownHashAnswersPersistedQueryNotFound() throws Exception {
        JsonNode answer = post(Map.of("extensions", apq(PersistedQueries.sha256("{ viewer { username " + unique("x") + ": roles } }"))),
                adminToken());
        assertThat(answer.at("/errors/0/message").asText()).isEqualTo("PersistedQueryNotFound");
        assertThat(answer.at("/errors/0/extensions/code").asText()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
    }

    @Test
    void aQuerySentWithItsHashIsRememberedAndRunsByHashAloneOverPostAndGet() throws Exception {
        String document = "{ viewer { username " + unique("alias").replace("-", "_") + ": roles } }";
        String hash = PersistedQueries.sha256(document);
        String token = userToken(unique("apq"), Role.ANALYST);
        JsonNode first = post(Map.of("query", document, "extensions", apq(hash)), token);
        assertThat(first.at("/data/viewer/username").asText()).startsWith("apq");
        JsonNode again = post(Map.of("extensions", apq(hash)), token);
        assertThat(again.get("data")).isEqualTo(first.get("data"));
        HttpResponse<String> get = get(hash, token);
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.headers().firstValue("Cache-Control")).hasValue("private");
        assertThat(JSON.readTree(get.body()).get("data")).isEqualTo(first.get("data"));
    }

    @Test
    void aHashThatDoesNotMatchItsQueryIsRefused() throws Exception {
        JsonNode answer = post(Map.of("query", "{ __typename }", "extensions", apq("0".repeat(64))), adminToken());
        assertThat(answer.at("/errors/0/extensions/code").asText()).isEqualTo("PersistedQueryHashMismatch");
        assertThat(answer.has("data") && !answer.get("data").isNull()).isFalse();
    }

    @Test
    void theClientDocumentsAreKnownFromTheFirstRequest() throws Exception {
        String viewer = Files.readString(Path.of("client-examples/mobile/Viewer.graphql"));
        HttpResponse<String> get = get(PersistedQueries.sha256(viewer), adminToken());
        assertThat(JSON.readTree(get.body()).at("/data/viewer/username").asText()).isEqualTo("admin");
    }

    @Test
    void getNeverRunsAMutation() throws Exception {
        String login = Files.readString(Path.of("client-examples/mobile/Login.graphql"));
        HttpResponse<String> get = get(PersistedQueries.sha256(login), null);
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.body()).doesNotContain("token\":\"ey");
    }

    private static Map<String, Object> apq(String hash) {
        return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
    }

    private JsonNode post(Map<String, Object> body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return JSON.readTree(HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private HttpResponse<String> get(String hash, String token) throws Exception {
        String extensions = URLEncoder.encode(JSON.writeValueAsString(apq(hash)), StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql?extensions="
                + extensions + "&variables=" + URLEncoder.encode("{}", StandardCharsets.UTF_8))).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
