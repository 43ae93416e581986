package dev.strata.security;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import graphql.GraphQLContext;
import org.springframework.stereotype.Component;

/**
 * Throttles public operations ({@code recordResponse}, {@code recordCardVisit}, ...) per caller address, or
 * per any other key, with the configured burst and refill: a feature calls
 * {@code rateLimiters.allow("recordResponse", context)} and answers a THROTTLED userError when it is false.
 */
@Component
public class RateLimiters {

    private final ThrottleProperties properties;
    private final Clock clock;
    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();

    RateLimiters(ThrottleProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** Whether this request's caller address may make one more call of {@code operation} now. */
    public boolean allow(String operation, GraphQLContext request) {
        return allow(operation, ClientAddress.of(request));
    }

    /** Whether {@code key} (an address, a tracking token, a slug) may make one more call of {@code operation} now. */
    public boolean allow(String operation, String key) {
        return limiter(operation).tryAcquire(key);
    }

    /** The limiter of one operation, created with the configured public burst and refill on first use. */
    public RateLimiter limiter(String operation) {
        return limiters.computeIfAbsent(operation,
                name -> new RateLimiter(properties.publicBurst(), properties.publicRefill(), 100_000, clock));
    }
}
