package dev.strata.graphql;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.strata.support.StrataIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** GraphiQL works with no internet: the page and its styles name no external URL, and every asset it names is served. */
class GraphiQlOfflineTests extends StrataIntegrationTest {

    private static final Pattern REFERENCE = Pattern.compile("(?:src|href)\\s*=\\s*[\"']([^\"']+)[\"']|url\\(\\s*[\"']?([^\"')]+)|@import\\s+[\"']([^\"']+)");
    private static final Pattern EXTERNAL = Pattern.compile("^(?:[a-zA-Z][a-zA-Z0-9+.-]*:)?//");

    @Test
    void thePageAndItsStylesheetsNameNoExternalUrlAndEveryAssetIsServed() throws Exception {
        String page = get("/graphiql").body();
        List<String> references = references(page);
        assertThat(references).as("assets of the page").isNotEmpty();
        for (String reference : references) {
            assertThat(reference).as("an asset the page loads").doesNotMatch(EXTERNAL);
            HttpResponse<String> asset = get(reference);
            assertThat(asset.statusCode()).as(reference).isEqualTo(200);
            if (reference.endsWith(".css")) {
                references(asset.body()).stream().filter(r -> !r.startsWith("data:") && !r.startsWith("#"))
                        .forEach(r -> assertThat(r).as("a resource %s loads", reference).doesNotMatch(EXTERNAL));
            }
        }
        assertThat(page).doesNotContainIgnoringCase("unpkg").doesNotContainIgnoringCase("jsdelivr")
                .doesNotContainIgnoringCase("cdn");
    }

    private static List<String> references(String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = REFERENCE.matcher(text);
        while (matcher.find()) {
            for (int group = 1; group <= 3; group++) {
                if (matcher.group(group) != null) {
                    found.add(matcher.group(group).trim());
                }
            }
        }
        return found;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
