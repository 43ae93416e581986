package dev.strata.graphql;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /graphql?extensions=…&variables=…}: runs a remembered persisted query (never a document in the
 * URL, never a mutation), answered {@code Cache-Control: private} so shared caches keep no one's data.
 */
@Configuration(proxyBeanMethods = false)
class PersistedQueryGet {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Bean
    @org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
    RouterFunction<ServerResponse> persistedQueryGetRoute(WebGraphQlHandler handler, PersistedQueries queries) {
        return RouterFunctions.route().GET("/graphql", request -> request.param("extensions").isPresent(),
                request -> handle(request, handler, queries)).build();
    }

    @SuppressWarnings("unchecked")
    private static ServerResponse handle(ServerRequest request, WebGraphQlHandler handler, PersistedQueries queries) {
        Map<String, Object> extensions;
        Map<String, Object> variables;
        try {
            extensions = JSON.readValue(request.param("extensions").orElse("{}"), Map.class);
            variables = request.param("variables").isPresent() ? JSON.readValue(request.param("variables").get(), Map.class) : null;
        } catch (RuntimeException e) {
            return error(400, "extensions and variables must be JSON objects");
        }
        String hash = PersistedQueries.hashOf(extensions.get("persistedQuery"));
        if (hash == null) {
            return error(400, "GET runs persisted queries only: extensions.persistedQuery { version: 1, sha256Hash }");
        }
        String operationName = request.param("operationName").orElse(null);
        String document = queries.document(hash);
        if (document != null && !isQuery(document, operationName)) {
            return error(405, "GET runs queries only; send mutations with POST");
        }
        Map<String, Object> body = new HashMap<>();
        body.put("query", document == null ? PersistedQueries.MARKER : document);
        body.put("extensions", extensions);
        body.put("operationName", operationName);
        body.put("variables", variables);
        WebGraphQlRequest graphQlRequest = new WebGraphQlRequest(request.uri(), request.headers().asHttpHeaders(),
                new LinkedMultiValueMap<>(), request.remoteAddress().orElse(null), request.attributes(), body,
                UUID.randomUUID().toString(), LocaleContextHolder.getLocale());
        return ServerResponse.async(handler.handleRequest(graphQlRequest).map(response -> ServerResponse.ok()
                .contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.empty().cachePrivate())
                .body(response.toMap())));
    }

    private static boolean isQuery(String document, String operationName) {
        try {
            Document parsed = Parser.parse(document);
            return parsed.getDefinitionsOfType(OperationDefinition.class).stream()
                    .filter(op -> operationName == null || operationName.equals(op.getName()))
                    .allMatch(op -> op.getOperation() == OperationDefinition.Operation.QUERY);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static ServerResponse error(int status, String message) {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noStore())
                .body(Map.of("errors", java.util.List.of(Map.of("message", message,
                        "extensions", Map.of("classification", "BAD_REQUEST")))));
    }
}
