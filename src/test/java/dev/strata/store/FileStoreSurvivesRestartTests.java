package dev.strata.store;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.strata.StrataApplication;
import dev.strata.support.ClientExamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole service on the file-backed store: a label and a token from before a restart still work after it. */
class FileStoreSurvivesRestartTests {

    @TempDir
    Path dataDir;

    @Test
    void labelAndTokenSurviveARestart() {
        String token;
        String labelId;
        try (ConfigurableApplicationContext first = start()) {
            HttpGraphQlTester anonymous = tester(first, null);
            token = anonymous.documentName("mobile/Login")
                    .variable("username", "admin").variable("password", "restart-admin-pass")
                    .execute().path("login.token").entity(String.class).get();
            labelId = tester(first, token).document("""
                    mutation { createLabel(input: {key: "survivor", name: "Survivor", category: BASIC, kind: MANUAL}) {
                      label { id } userErrors { code } } }
                    """).execute().path("createLabel.label.id").entity(String.class).get();
        }
        assertThat(Files.exists(dataDir.resolve(EmbeddedMongoStore.FILE_NAME))).isTrue();
        assertThat(Files.exists(dataDir.resolve("jwt-secret"))).isTrue();
        try (ConfigurableApplicationContext second = start()) {
            tester(second, token).document("query($id: ID!) { label(id: $id) { key name } }").variable("id", labelId)
                    .execute().path("label.key").entity(String.class).isEqualTo("survivor");
        }
    }

    private ConfigurableApplicationContext start() {
        // Command-line arguments outrank application.yml, unlike default properties.
        return new SpringApplicationBuilder(StrataApplication.class).run(
                "--server.port=0",
                "--strata.data-dir=" + dataDir,
                "--strata.embedded-mongo.store=file",
                "--strata.security.admin-password=restart-admin-pass",
                "--strata.security.jwt-secret=",
                "--strata.security.bcrypt-strength=4",
                "--strata.demo.customers=0");
    }

    private static HttpGraphQlTester tester(ConfigurableApplicationContext context, String token) {
        String port = context.getEnvironment().getProperty("local.server.port");
        WebTestClient.Builder client = WebTestClient.bindToServer(new JdkClientHttpConnector())
                .baseUrl("http://localhost:" + port + "/graphql");
        if (token != null) {
            client.defaultHeader("Authorization", "Bearer " + token);
        }
        return HttpGraphQlTester.builder(client).documentSource(ClientExamples.documentSource()).build();
    }
}
