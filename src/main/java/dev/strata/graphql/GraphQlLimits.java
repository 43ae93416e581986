package dev.strata.graphql;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Guards against hostile queries: nesting depth, overall complexity and wall-clock time per request. */
@ConfigurationProperties("strata.graphql")
public record GraphQlLimits(int maxDepth, int maxComplexity, Duration requestTimeout) {

    public GraphQlLimits {
        maxDepth = maxDepth <= 0 ? 15 : maxDepth;
        maxComplexity = maxComplexity <= 0 ? 5000 : maxComplexity;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
    }
}
