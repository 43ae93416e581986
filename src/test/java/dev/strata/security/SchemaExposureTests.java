package dev.strata.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.strata.support.StrataIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** By default the schema answers only signed-in callers: introspection and /graphql/schema alike. */
class SchemaExposureTests extends StrataIntegrationTest {

    private static final String INTROSPECTION = "{ __schema { queryType { name } } }";

    @Test
    void anonymousIntrospectionIsRefused() {
        anonymous().document(INTROSPECTION).execute().errors()
                .satisfy(errors -> assertThat(errors).isNotEmpty());
    }

    @Test
    void signedInIntrospectionWorks() {
        asAdmin().document(INTROSPECTION).execute().path("__schema.queryType.name").entity(String.class).isEqualTo("Query");
    }

    @Test
    void typenameStillAnswersAnonymousCallers() {
        anonymous().document("{ __typename }").execute().path("__typename").entity(String.class).isEqualTo("Query");
    }

    @Test
    void theSchemaTextNeedsAToken() throws Exception {
        assertThat(get("/graphql/schema", null).statusCode()).isEqualTo(401);
        HttpResponse<String> signedIn = get("/graphql/schema", adminToken());
        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(signedIn.body()).contains("type Query");
    }

    @Test
    void theGraphiQlPageItselfIsServedWithATokenField() throws Exception {
        HttpResponse<String> page = get("/graphiql", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"token\"");
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
