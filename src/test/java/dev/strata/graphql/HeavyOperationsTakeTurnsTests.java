package dev.strata.graphql;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.GraphQL;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Heavy operations (admitted, near the cost limit) run one at a time, resting between turns as their share allows;
 * light ones never wait for them.
 */
class HeavyOperationsTakeTurnsTests {

    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final List<Long> started = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Test
    void heavyOperationsTakeTurnsWhileLightOnesPassStraightThrough() {
        GraphQL graphQl = withHeavyShare(1);
        List<CompletableFuture<?>> heavy = threeHeavyOperations(graphQl);
        sleep(100);
        assertALightOperationPassesAtOnce(graphQl);
        heavy.forEach(CompletableFuture::join);
        assertThat(mostAtOnce).hasValue(1);
    }

    @Test
    void withHalfAThreadForHeavyOperationsEachTurnRestsAsLongAsItRan() {
        GraphQL graphQl = withHeavyShare(0.5);
        List<CompletableFuture<?>> heavy = threeHeavyOperations(graphQl);
        sleep(450);
        assertALightOperationPassesAtOnce(graphQl);
        heavy.forEach(CompletableFuture::join);

        List<Long> starts = started.stream().sorted().toList();
        assertThat(starts).hasSize(3);
        for (int i = 1; i < starts.size(); i++) {
            // 300 ms running, then 300 ms of rest before the next turn
            assertThat(Duration.ofNanos(starts.get(i) - starts.get(i - 1))).isGreaterThanOrEqualTo(Duration.ofMillis(590));
        }
        assertThat(mostAtOnce).hasValue(1);
    }

    private GraphQL withHeavyShare(double share) {
        GraphQlLimits limits = new GraphQlLimits(0, 0, Duration.ofSeconds(10), null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 10, 1, share);
        return GraphQL.newGraphQL(schema()).instrumentation(new RequestLimitsInstrumentation(limits)).build();
    }

    private static void assertALightOperationPassesAtOnce(GraphQL graphQl) {
        long start = System.nanoTime();
        assertThat(graphQl.execute("{ light }").getErrors()).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(200));
    }

    private static List<CompletableFuture<?>> threeHeavyOperations(GraphQL graphQl) {
        return java.util.stream.IntStream.range(0, 3)
                .<CompletableFuture<?>>mapToObj(i -> CompletableFuture.runAsync(() -> graphQl.execute("{ items(first: 50) { a } }")))
                .toList();
    }

    private GraphQLSchema schema() {
        return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(
                "type Query { items(first: Int): [Item] light: String } type Item { a: String }"),
                RuntimeWiring.newRuntimeWiring().type("Query", type -> type
                        .dataFetcher("light", env -> "ok")
                        .dataFetcher("items", env -> {
                            started.add(System.nanoTime());
                            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                            sleep(300);
                            running.decrementAndGet();
                            return List.of(Map.of("a", "x"));
                        })).build());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
