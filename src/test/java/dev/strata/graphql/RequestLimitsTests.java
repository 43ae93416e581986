package dev.strata.graphql;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.strata.security.Role;
import dev.strata.support.MongoCommandCounter;
import dev.strata.support.StrataIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Each limit refuses with a clear error, does no work (no store command), and never echoes what was sent. */
class RequestLimitsTests extends StrataIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MongoCommandCounter commands;

    @Test
    void aBodyOverTwoMegabytesIsRefusedWith413ByItsLengthAndUnread() throws Exception {
        String body = "{\"query\":\"{ viewer { username } }\",\"variables\":{\"x\":\"" + "a".repeat(3 * 1024 * 1024) + "\"}}";
        HttpResponse<String> response = post(HttpRequest.BodyPublishers.ofString(body));
        assertThat(response.statusCode()).isEqualTo(413);
        JsonNode error = JSON.readTree(response.body()).get("errors").get(0);
        assertThat(error.get("extensions").get("limit").asText()).isEqualTo("maxBodySize");
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedToo() throws Exception {
        byte[] chunk = ("{\"query\":\"{ viewer { username } }\",\"x\":\"" + "a".repeat(3 * 1024 * 1024) + "\"}").getBytes();
        HttpResponse<String> response = post(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(chunk)));
        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void aSmallChunkedBodyStillWorks() throws Exception {
        byte[] body = "{\"query\":\"{ __typename }\"}".getBytes();
        HttpResponse<String> response = post(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Query");
    }

    @Test
    void aDocumentOverTheCharacterLimitIsNotParsed() {
        String document = "{ viewer { username } }" + " ".repeat(25_000) + "# x";
        assertRefused(as(rmToken()).document(document).execute(), null);
    }

    @Test
    void tooManyTokensAreNotParsed() {
        String fields = IntStream.range(0, 3000).mapToObj(i -> "__typename").collect(Collectors.joining(" "));
        assertRefused(as(rmToken()).document("{ " + fields + " }").execute(), null);
    }

    @Test
    void threeHundredThirtyAliasedFullPagesAreRefusedBeforeAnyWork() {
        String aliases = IntStream.range(0, 330).mapToObj(i -> "a" + i + ": customers(first: 100) { edges { node { id name } } }")
                .collect(Collectors.joining(" "));
        String token = rmToken();
        as(token).document("{ viewer { username } }").execute();   // authenticates once, so the token's check is cached
        commands.reset();
        assertRefused(as(token).document("{ " + aliases + " }").execute(), null);
        assertThat(commands.commands()).as("store commands").isEmpty();
    }

    @Test
    void costCountsListsAtTheirPageSize() {
        String document = "{ customers(first: 100) { edges { node { id name touchpoints(first: 100) "
                + "{ edges { node { channel status note createdAt } } } } } } }";
        String token = rmToken();
        as(token).document("{ viewer { username } }").execute();   // authenticates once, so the token's check is cached
        commands.reset();
        assertRefused(as(token).document(document).execute(), "maxCost");
        assertThat(commands.commands()).isEmpty();
    }

    @Test
    void tooManyAliasesOrRootFieldsAreRefused() {
        String aliases = IntStream.range(0, 31).mapToObj(i -> "v" + i + ": viewer { username }").collect(Collectors.joining(" "));
        assertRefused(as(rmToken()).document("{ " + aliases + " }").execute(), "maxRootFields");
        String nested = IntStream.range(0, 31).mapToObj(i -> "u" + i + ": username").collect(Collectors.joining(" "));
        assertRefused(as(rmToken()).document("{ viewer { " + nested + " } }").execute(), "maxAliases");
    }

    @Test
    void anOverlongStringArgumentIsRefusedAndNothingStored() {
        String marketer = userToken(unique("mkt"), Role.MARKETER);
        String key = unique("L").replace("-", "_");
        GraphQlTester.Response response = as(marketer).documentName("mobile/CreateLabel")
                .variable("input", Map.of("key", key, "name", "n".repeat(5000), "category", "INTEREST", "kind", "MANUAL"))
                .execute();
        assertRefused(response, "maxArgumentSize");
        response.errors().satisfy(errors -> assertThat(errors.get(0).getMessage()).doesNotContain("nnnnnnnnnn"));
    }

    @Test
    void errorMessagesNeverEchoMoreThanAShortPrefix() {
        String name = "f" + "x".repeat(3000);
        as(rmToken()).document("{ " + name + " }").execute().errors().satisfy(errors -> {
            assertThat(errors).isNotEmpty();
            assertThat(errors).allSatisfy(e -> assertThat(e.getMessage().length()).isLessThanOrEqualTo(201));
        });
    }

    @Test
    void aResponseCarriesAtMostFiftyErrors() {
        String fields = IntStream.range(0, 200).mapToObj(i -> "nope" + i).collect(Collectors.joining(" "));
        as(rmToken()).document("{ " + fields + " }").execute().errors()
                .satisfy(errors -> assertThat(errors).hasSize(51).last().extracting(ResponseError::getMessage)
                        .asString().contains("more errors left out"));
    }

    @Test
    void aPageOfFiftyFullPortraitsIsAdmitted() {
        as(rmToken()).documentName("mobile/PortraitPage").variable("first", 50).execute()
                .errors().verify().path("customers.edges").entityList(Object.class).hasSizeLessThan(51);
    }

    private String rmToken;

    private String rmToken() {
        if (rmToken == null) {
            rmToken = userToken(unique("rm"), Role.ANALYST);
        }
        return rmToken;
    }

    private HttpResponse<String> post(HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json").POST(body).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void assertRefused(GraphQlTester.Response response, String limit) {
        response.errors().satisfy(errors -> {
            assertThat(errors).isNotEmpty();
            if (limit != null) {
                assertThat(errors).extracting(e -> e.getExtensions().get("limit")).contains(limit);
            }
            assertThat(errors).allSatisfy(e -> assertThat(e.getMessage().length()).isLessThanOrEqualTo(201));
        });
    }
}
