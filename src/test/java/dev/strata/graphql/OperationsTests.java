package dev.strata.graphql;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.strata.security.Role;
import dev.strata.support.StrataIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Prometheus metrics for admins only, timed per operation; every error and response carries the request id. */
class OperationsTests extends StrataIntegrationTest {

    @Test
    void prometheusAnswersAdminsOnlyWithTimingsPerOperation() throws Exception {
        asAdmin().documentName("mobile/Viewer").execute().path("viewer.username").entity(String.class).isEqualTo("admin");
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", userToken(unique("mkt"), Role.MARKETER)).statusCode()).isEqualTo(403);
        HttpResponse<String> metrics = get("/actuator/prometheus", adminToken());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).containsPattern("graphql_request_seconds_count\\{[^}]*graphql_operation_name=\"Viewer\"");
        // off unless STRATA_STORE_COMMAND_METRICS=true: their listener makes the driver copy every command and reply
        assertThat(metrics.body()).doesNotContain("mongodb_driver_commands");
    }

    @Test
    void everyErrorCarriesTheRequestIdOfItsResponse() {
        var response = anonymous().mutate().header("X-Request-Id", "client-chosen-id-42").build()
                .document("{ viewer { username } }").execute();
        response.errors().satisfy(errors -> assertThat(errors).isNotEmpty()
                .allSatisfy(e -> assertThat(e.getExtensions()).containsEntry("requestId", "client-chosen-id-42")));
    }

    @Test
    void aRequestWithoutAnIdGetsOneInTheResponseHeader() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/graphql")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ viewer { username } }\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        String id = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(response.body()).contains("\"requestId\":\"" + id + "\"");
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
