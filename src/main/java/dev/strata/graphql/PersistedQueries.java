package dev.strata.graphql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Apollo's automatic persisted queries: a document sent with its SHA-256 is remembered, and afterwards the
 * hash alone runs it ({@code PersistedQueryNotFound} until then, so the client resends the document). With
 * trusted documents on, only the documents in {@code client-examples/} run, plus admins' ad-hoc queries. The
 * store is per instance and bounded (least recently used go first): a client meeting an instance that does
 * not know its hash resends the document once, as the protocol expects.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 50)
class PersistedQueries implements WebGraphQlInterceptor {

    /** What Spring for GraphQL puts in place of a missing document when the request carries a persisted query. */
    static final String MARKER = "PersistedQueryMarker";

    private final TrustedDocuments trusted;
    private final GraphQlLimits limits;
    private final Map<String, String> documents;

    PersistedQueries(TrustedDocuments trusted, GraphQlLimits limits) {
        this.trusted = trusted;
        this.limits = limits;
        int capacity = 10_000;
        this.documents = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > capacity;
            }
        });
        this.documents.putAll(trusted.byHash());
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        String document = request.getDocument();
        boolean absent = document == null || document.isEmpty() || MARKER.equals(document);
        String hash = requestedHash(request);
        if (hash == null && request.getExtensions().get("persistedQuery") != null) {
            return refuse(request, GraphQlErrors.persistedQuery("PersistedQueryNotSupported",
                    "persistedQuery needs version 1 and a sha256Hash of 64 hex digits"));
        }
        if (hash != null && absent) {
            String stored = documents.get(hash);
            if (stored == null) {
                return refuse(request, GraphQlErrors.persistedQuery("PersistedQueryNotFound", "PersistedQueryNotFound"));
            }
            request.configureExecutionInput((input, builder) -> builder.query(stored).build());
            return chain.next(request);
        }
        if (!trusted.enabled() && hash == null) {
            // Nothing to check or remember: the document's hash is needed only for those.
            return chain.next(request);
        }
        String actual = sha256(document == null ? "" : document);
        if (trusted.enabled() && !trusted.byHash().containsKey(actual) && !isAdmin()) {
            return refuse(request, GraphQlErrors.persistedQuery("UNTRUSTED_DOCUMENT",
                    "only the documents of the published clients are accepted"));
        }
        if (hash != null) {
            if (!hash.equals(actual)) {
                return refuse(request, GraphQlErrors.persistedQuery("PersistedQueryHashMismatch",
                        "sha256Hash does not match the query"));
            }
            if (document.length() <= limits.maxCharacters()) {
                documents.put(hash, document);
            }
        }
        return chain.next(request);
    }

    /** The remembered document of a hash, or null; GET requests use it before deciding anything else. */
    String document(String hash) {
        return hash == null ? null : documents.get(hash);
    }

    static String requestedHash(WebGraphQlRequest request) {
        return hashOf(request.getExtensions().get("persistedQuery"));
    }

    static String hashOf(Object persistedQuery) {
        if (persistedQuery instanceof Map<?, ?> pq && pq.get("sha256Hash") instanceof String hash
                && pq.get("version") instanceof Number version && version.intValue() == 1
                && hash.matches("[0-9a-f]{64}")) {
            return hash;
        }
        return null;
    }

    static String sha256(String document) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(document.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isAdmin() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> Set.of("ROLE_ADMIN").contains(a.getAuthority()));
    }

    private static Mono<WebGraphQlResponse> refuse(WebGraphQlRequest request, GraphQLError error) {
        ExecutionResult result = ExecutionResult.newExecutionResult().addError(error).build();
        return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result)));
    }
}
