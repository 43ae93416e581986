package dev.strata.graphql;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Every guard against hostile requests in one place, so operators can tune them: body size, document size,
 * aliases, root fields, cost (lists count as their page size), wall-clock time, input strings and lists,
 * and how much of an error a client gets back. The defaults admit every document in {@code client-examples/}.
 *
 * @param maxDepth         deepest selection accepted
 * @param maxComplexity    most fields a document may select in all (each counted once)
 * @param requestTimeout   hard deadline of a request: past it, outstanding fetches are cancelled
 * @param maxBodySize      largest request body; a larger one is refused with 413 without being read
 * @param maxCharacters    longest document, in characters
 * @param maxTokens        most parser tokens in a document
 * @param maxAliases       most aliased fields in an operation
 * @param maxRootFields    most root fields in an operation
 * @param maxCost          largest cost: a field costs 1 plus its children times its page size
 * @param maxStringLength  longest string in any argument or variable (what could be stored)
 * @param maxListLength    longest list in any argument or variable
 * @param maxErrors        most errors in one response; the rest are summarised in one
 * @param maxMessageLength longest error message in a response
 * @param heavyCost        cost from which an operation counts as heavy
 * @param heavyConcurrency how many heavy operations run at once; the others wait their turn (up to the deadline)
 * @param heavyShare       the most of a request thread's time heavy operations take: a turn is handed on after a rest
 *                         of its own duration times (1 - share) / share (1: no rest)
 */
@ConfigurationProperties("strata.graphql")
public record GraphQlLimits(int maxDepth, int maxComplexity, Duration requestTimeout, DataSize maxBodySize,
        int maxCharacters, int maxTokens, int maxAliases, int maxRootFields, long maxCost, int maxStringLength,
        int maxListLength, int maxErrors, int maxMessageLength, long heavyCost, int heavyConcurrency, double heavyShare) {

    public GraphQlLimits {
        maxDepth = positive(maxDepth, 15);
        maxComplexity = positive(maxComplexity, 5000);
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(2) : maxBodySize;
        maxCharacters = positive(maxCharacters, 20_000);
        maxTokens = positive(maxTokens, 5_000);
        maxAliases = positive(maxAliases, 30);
        maxRootFields = positive(maxRootFields, 20);
        maxCost = maxCost <= 0 ? 10_000 : maxCost;
        maxStringLength = positive(maxStringLength, 4_000);
        maxListLength = positive(maxListLength, 20_000);
        maxErrors = positive(maxErrors, 50);
        maxMessageLength = positive(maxMessageLength, 200);
        heavyCost = heavyCost <= 0 ? 5_000 : heavyCost;
        heavyConcurrency = positive(heavyConcurrency, 1);
        heavyShare = heavyShare <= 0 || heavyShare > 1 ? 0.5 : heavyShare;
    }

    /** The defaults, as a test or a tool without Spring would get them. */
    public static GraphQlLimits defaults() {
        return new GraphQlLimits(0, 0, null, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    private static int positive(int value, int fallback) {
        return value <= 0 ? fallback : value;
    }
}
