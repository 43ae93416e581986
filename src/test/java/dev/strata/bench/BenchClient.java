package dev.strata.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A bare GraphQL-over-HTTP client for benchmarks: real sockets, real JSON, nothing cached. */
final class BenchClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI endpoint;
    private final String token;

    BenchClient(int port, String token) {
        this.endpoint = URI.create("http://localhost:" + port + "/graphql");
        this.token = token;
    }

    BenchClient as(String otherToken) {
        return new BenchClient(endpoint.getPort(), otherToken);
    }

    /**
     * A single blocking connection as this client's user, for a timed reader: the JDK client hands every request
     * between its selector and executor threads, and on two busy cores those hand-offs were part of each read's time.
     */
    KeepAliveConnection keepAlive() {
        return new KeepAliveConnection(endpoint.getHost(), endpoint.getPort(), token);
    }

    /** Executes a document and returns {@code data}, failing loudly on any GraphQL error. */
    JsonNode execute(String document, Map<String, Object> variables) {
        return post(body(document, variables));
    }

    /** The JSON request body for a document and its variables, to prepare ahead of a timed run. */
    static String body(String document, Map<String, Object> variables) {
        return JSON.writeValueAsString(Map.of("query", document, "variables", variables));
    }

    /** Posts a prepared request body and returns {@code data}. */
    JsonNode post(String body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = JSON.readTree(response.body());
            if (json.has("errors")) {
                throw new IllegalStateException("GraphQL errors: " + json.get("errors"));
            }
            return json.get("data");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String login(String username, String password) {
        return execute("mutation($u: String!, $p: String!) { login(input: {username: $u, password: $p}) { token } }",
                Map.of("u", username, "p", password)).get("login").get("token").asText();
    }

    /** A client document of {@code client-examples/} by its name (e.g. {@code mobile/PortraitPage}), as clients send it. */
    static String clientDocument(String name) {
        try {
            return java.nio.file.Files.readString(dev.strata.support.ClientExamples.ROOT.resolve(name
                    + dev.strata.support.ClientExamples.EXTENSION));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
