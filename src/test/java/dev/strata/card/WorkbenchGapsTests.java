package dev.strata.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The card page's headers, segments on card activity, and task lists soonest due first. */
class WorkbenchGapsTests extends CardTestSupport {

    @Test
    void theCardPageAndItsScriptAnswerWithHeadersFitForAPublicPage() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        for (String path : List.of("/card/" + slugA, "/card/card.js")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            var headers = response.headers();
            assertThat(headers.firstValue("Content-Security-Policy")).get().asString()
                    .contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe");
            assertThat(headers.firstValue("Cache-Control")).get().asString().contains("no-store");
            assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(headers.firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
        }
    }

    @Test
    void aMarketerSegmentsOnCardViewsInTheLastWeek() {
        Map<String, Object> rule = Map.of("and", List.of(Map.of("event", Map.of("type", "VIEW_CARD", "withinDays", 7)),
                Map.of("managerIn", List.of(rmA))));
        asMarketer.documentName("mobile/PreviewSegment").variable("rule", rule).variable("sampleSize", 0).execute()
                .path("previewSegment.count").entity(Integer.class).isEqualTo(0);
        visited(slugA, unique("o-s"), "VIEW", Map.of());
        visited(slugA, unique("o-s"), "VIEW", Map.of());
        visited(slugA, unique("o-s"), "CALL_TAP", Map.of());
        asMarketer.documentName("mobile/PreviewSegment").variable("rule", rule).variable("sampleSize", 0).execute()
                .path("previewSegment.userErrors").entityList(Object.class).hasSize(0)
                .path("previewSegment.count").entity(Integer.class).isEqualTo(2);
    }

    @Test
    void aBranchManagersTasksComeSoonestDueFirstAcrossPages() {
        String customer = book.customer(rmA, "1000.00");
        Instant now = Instant.now();
        for (int days : List.of(5, 1, 3)) {
            asBranchManager.document("mutation($i: CreateTaskInput!) { createTask(input: $i) { userErrors { code } } }")
                    .variable("i", Map.of("customerId", customer, "title", "in " + days, "dueAt",
                            now.plus(Duration.ofDays(days)).toString()))
                    .execute().path("createTask.userErrors").entityList(Object.class).hasSize(0);
        }
        String page = "query($f: TaskFilter, $after: String) { tasks(filter: $f, first: 2, after: $after) {"
                + " edges { node { title } } pageInfo { hasNextPage endCursor } } }";
        var first = asBranchManager.document(page).variable("f", Map.of("managerCode", rmA)).execute();
        first.path("tasks.edges[*].node.title").entityList(String.class).containsExactly("in 1", "in 3");
        String cursor = first.path("tasks.pageInfo.endCursor").entity(String.class).get();
        asBranchManager.document(page).variable("f", Map.of("managerCode", rmA)).variable("after", cursor).execute()
                .path("tasks.edges[*].node.title").entityList(String.class).containsExactly("in 5");
        asRmA.document("{ myTasks(first: 10) { edges { node { title } } } }").execute()
                .path("myTasks.edges[*].node.title").entityList(String.class).containsExactly("in 1", "in 3", "in 5");
    }
}
