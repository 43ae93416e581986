package dev.strata.graphql;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.LinkedMultiValueMap;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/** With trusted documents on, only the client documents run, and admins' ad-hoc queries. */
class TrustedDocumentsTests {

    private final PersistedQueries queries = new PersistedQueries(new TrustedDocuments(true), GraphQlLimits.defaults());

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aClientDocumentRuns() throws Exception {
        assertThat(runs(Files.readString(Path.of("client-examples/mobile/Viewer.graphql")))).isTrue();
    }

    @Test
    void anAdHocDocumentIsRefusedToAnyoneButAnAdmin() {
        assertThat(runs("{ viewer { username } }")).isFalse();
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("admin", null,
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        assertThat(runs("{ viewer { username } }")).isTrue();
    }

    private boolean runs(String document) {
        AtomicBoolean ran = new AtomicBoolean();
        WebGraphQlRequest request = new WebGraphQlRequest(java.net.URI.create("http://localhost/graphql"), new HttpHeaders(),
                new LinkedMultiValueMap<>(), null, Map.of(), Map.of("query", document), "1", null);
        WebGraphQlResponse response = queries.intercept(request, r -> {
            ran.set(true);
            return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(
                    ExecutionInput.newExecutionInput(document).build(), ExecutionResult.newExecutionResult().data(Map.of()).build())));
        }).block();
        if (!ran.get()) {
            assertThat(response.getErrors()).extracting(e -> e.getExtensions().get("code")).containsExactly("UNTRUSTED_DOCUMENT");
        }
        return ran.get();
    }
}
