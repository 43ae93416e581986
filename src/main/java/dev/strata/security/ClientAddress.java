package dev.strata.security;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

import graphql.GraphQLContext;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The caller's address, for throttling: the socket's peer, or, when that peer is a trusted proxy, the
 * right-most address in {@code X-Forwarded-For} that is not itself a trusted proxy. Kept in the request's
 * GraphQL context, where {@link #of(GraphQLContext)} reads it.
 */
@Component
public class ClientAddress implements WebGraphQlInterceptor {

    private static final String KEY = ClientAddress.class.getName();

    private final List<String> trusted;

    ClientAddress(ThrottleProperties properties) {
        this.trusted = properties.trustedProxies();
    }

    /** The address of this request's caller ("unknown" outside a web request). */
    public static String of(GraphQLContext context) {
        return context.getOrDefault(KEY, "unknown");
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        InetSocketAddress peer = request.getRemoteAddress();
        String address = resolve(peer == null || peer.getAddress() == null ? "unknown" : peer.getAddress().getHostAddress(),
                request.getHeaders().get("X-Forwarded-For"));
        request.configureExecutionInput((input, builder) -> builder.graphQLContext(c -> c.put(KEY, address)).build());
        return chain.next(request);
    }

    String resolve(String peer, List<String> forwardedHeaders) {
        if (!isTrusted(peer) || forwardedHeaders == null) {
            return peer;
        }
        String[] hops = String.join(",", forwardedHeaders).split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!hop.isEmpty() && !isTrusted(hop)) {
                return hop.length() > 45 ? hop.substring(0, 45) : hop;
            }
        }
        return peer;
    }

    private boolean isTrusted(String address) {
        for (String entry : trusted) {
            if (entry.equals(address) || (entry.contains("/") && inRange(address, entry))) {
                return true;
            }
        }
        return false;
    }

    /** Parses an IP literal only: a host name (which a client may put in the header) is never looked up. */
    private static InetAddress literal(String text) {
        if (!text.matches("[0-9a-fA-F:.]{2,45}")) {
            throw new IllegalArgumentException("not an IP literal");
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static boolean inRange(String address, String cidr) {
        try {
            byte[] ip = literal(address).getAddress();
            String[] parts = cidr.split("/");
            byte[] net = literal(parts[0]).getAddress();
            int bits = Integer.parseInt(parts[1]);
            if (ip.length != net.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((ip[i / 8] & mask) != (net[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
