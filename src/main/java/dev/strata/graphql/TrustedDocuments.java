package dev.strata.graphql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The documents the published clients send ({@code client-examples/}, packaged into the jar), by SHA-256. They
 * are always known to {@link PersistedQueries}, so a client may send only their hashes from its first request;
 * with {@code strata.graphql.trusted-documents} on they are the only documents accepted (admins excepted).
 */
@Component
class TrustedDocuments {

    private final boolean enabled;
    private final Map<String, String> byHash;

    TrustedDocuments(@Value("${strata.graphql.trusted-documents:false}") boolean enabled) {
        this.enabled = enabled;
        this.byHash = load();
    }

    boolean enabled() {
        return enabled;
    }

    Map<String, String> byHash() {
        return byHash;
    }

    private static Map<String, String> load() {
        Map<String, String> documents = new HashMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:trusted-documents/**/*.graphql")) {
                String text = resource.getContentAsString(StandardCharsets.UTF_8);
                documents.put(PersistedQueries.sha256(text), text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(documents);
    }
}
