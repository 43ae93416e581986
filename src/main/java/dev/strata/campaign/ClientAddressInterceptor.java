package dev.strata.campaign;

import java.util.Map;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Puts the caller's address in the GraphQL context, so public operations can throttle guessing per address. */
@Component
class ClientAddressInterceptor implements WebGraphQlInterceptor {

    static final String KEY = "strata.clientAddress";

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        var remote = request.getRemoteAddress();
        String address = remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
        request.configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of(KEY, address)).build());
        return chain.next(request);
    }
}
