package dev.strata.security;

import graphql.introspection.Introspection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Introspection answers only signed-in callers unless {@code strata.graphql.schema-public} opens it (the demo
 * run does): the schema maps every operation, which an anonymous caller has no need to know.
 * {@code /graphql/schema} follows the same switch in {@link SecurityConfiguration}.
 */
@Component
class SchemaExposure implements WebGraphQlInterceptor {

    private final boolean schemaPublic;

    SchemaExposure(@Value("${strata.graphql.schema-public:false}") boolean schemaPublic) {
        this.schemaPublic = schemaPublic;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!schemaPublic && Viewers.current().isEmpty()) {
            request.configureExecutionInput((input, builder) -> builder
                    .graphQLContext(context -> context.put(Introspection.INTROSPECTION_DISABLED, true)).build());
        }
        return chain.next(request);
    }
}
