package dev.strata.graphql;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id (the caller's {@code X-Request-Id} when it is short and plain, else a new one):
 * on every log line ({@code requestId} in the MDC), in the {@code X-Request-Id} response header and in every
 * GraphQL error's {@code extensions.requestId}, so a client's report leads straight to the server's logs.
 */
public class RequestIds extends OncePerRequestFilter {

    public static final String KEY = "requestId";
    public static final String HEADER = "X-Request-Id";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String offered = request.getHeader(HEADER);
        String id = offered != null && PLAIN.matcher(offered).matches() ? offered : newId();
        request.setAttribute(KEY, id);
        response.setHeader(HEADER, id);
        MDC.put(KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(KEY);
        }
    }

    /**
     * A fresh id in UUID form from the thread's own generator: it need only be unique, not secret, and
     * {@code UUID.randomUUID()} takes one lock shared by every request thread.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    /** This request's id, or null outside a request. */
    public static String current() {
        return MDC.get(KEY);
    }
}
