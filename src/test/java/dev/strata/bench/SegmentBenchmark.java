package dev.strata.bench;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.strata.StrataApplication;
import dev.strata.customer.AudienceRebuild;
import org.openjdk.jol.info.GraphLayout;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Issue 9's figures: the service on the in-memory store with 1,000,000 demo customers ({@code -Dbench.customers=N}),
 * {@code previewSegment} over HTTP with a marketer's JWT for five fixed rules (cold calls, then timed calls after a
 * warm-up), the same counts as MongoDB {@code countDocuments}, the audience index's heap and its rebuild time; with
 * {@code -Dbench.rescore=true} then the rescoring benchmark's two runs on the same seeded store.
 * Run: see README ("Benchmarks").
 */
public final class SegmentBenchmark {

    static final int CUSTOMERS = Integer.getInteger("bench.customers", 1_000_000);
    static final int COLD = Integer.getInteger("bench.cold", 20);
    static final int WARMUP = Integer.getInteger("bench.warmup", 200);
    static final int CALLS = Integer.getInteger("bench.calls", 300);
    static final int MONGO_RUNS = Integer.getInteger("bench.mongoRuns", 3);
    static final int REBUILDS = Integer.getInteger("bench.rebuilds", 2);
    static final boolean RULES = Boolean.parseBoolean(System.getProperty("bench.rules", "true"));
    static final String PREVIEW = "query($rule: SegmentRuleInput!) { previewSegment(rule: $rule, sampleSize: 0) { count userErrors { code } } }";

    private SegmentBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(StrataApplication.class).run(
                "--server.port=0", "--strata.embedded-mongo.store=memory", "--strata.data-dir=target/bench-data",
                "--strata.demo.customers=" + CUSTOMERS, "--strata.security.admin-password=" + RescoreBenchmark.PASSWORD,
                "--logging.level.root=WARN",
                "--logging.level.dev.strata.demo=INFO")) {
            System.out.printf("Started and seeded %,d demo customers in %,d s%n", CUSTOMERS, (System.nanoTime() - started) / 1_000_000_000);
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            BenchClient anonymous = new BenchClient(port, null);
            String token = anonymous.login("marketer", "demo-pass-2026");
            BenchClient marketer = anonymous.as(token);
            MongoTemplate mongo = app.getBean(MongoTemplate.class);
            Clock clock = app.getBean(Clock.class);
            ZoneId zone = ZoneId.of(app.getEnvironment().getProperty("strata.time-zone", "Asia/Shanghai"));
            awaitQuiet();
            if (RULES) {
                try (KeepAliveConnection connection = new KeepAliveConnection("localhost", port, token)) {
                    timeRules(marketer, connection, new BenchRules(mongo, clock, zone).rules(), mongo);
                }
            }
            footprint(app);
            if (Boolean.getBoolean("bench.rescore")) {
                // The million seeds once for both issues' figures: the rescoring benchmark's runs on the same store.
                RescoreBenchmark.runOn(port);
            }
        }
    }

    private static void timeRules(BenchClient marketer, KeepAliveConnection connection, List<BenchRules.Rule> rules,
            MongoTemplate mongo) {
        System.out.printf("%-62s %9s %8s %8s %8s %8s %8s %10s %8s%n", "rule", "count", "cold p50", "cold p99", "p50 ms",
                "p99 ms", "CPU ms", "MongoDB ms", "ratio");
        for (BenchRules.Rule rule : rules) {
            report(marketer, connection, mongo, rule);
        }
    }

    /**
     * Waits (up to two minutes) until the service's start-up work after seeding (RULE labels applied to their carriers,
     * the warm-up) has settled, so the first rule's figures are not taken while it still holds the cores.
     */
    private static void awaitQuiet() throws InterruptedException {
        long started = System.nanoTime();
        long cpu = ProcessMeters.cpuNanos();
        int quietSeconds = 0;
        while (quietSeconds < 3 && System.nanoTime() - started < 120_000_000_000L) {
            Thread.sleep(1000);
            long now = ProcessMeters.cpuNanos();
            quietSeconds = now - cpu < 300_000_000L ? quietSeconds + 1 : 0;
            cpu = now;
        }
        System.out.printf("waited %.0f s for the service to settle after seeding%n", (System.nanoTime() - started) / 1e9);
    }

    private static void report(BenchClient marketer, KeepAliveConnection connection, MongoTemplate mongo, BenchRules.Rule rule) {
        String body = BenchClient.body(PREVIEW, Map.of("rule", rule.rule()));
        int count = marketer.post(body).get("previewSegment").get("count").asInt();
        String answer = "{\"data\":{\"previewSegment\":{\"count\":" + count + ",";
        double[] cold = time(connection, body, answer, COLD);
        time(connection, body, answer, WARMUP);
        long cpuBefore = ProcessMeters.cpuNanos();
        double[] warm = time(connection, body, answer, CALLS);
        double cpuPerCall = (ProcessMeters.cpuNanos() - cpuBefore) / 1e6 / CALLS;
        long mongoCount = -1;
        double[] mongoMs = new double[MONGO_RUNS];
        for (int i = 0; i < MONGO_RUNS; i++) {
            long t = System.nanoTime();
            mongoCount = mongo.getCollection("customers").countDocuments(rule.filter());
            mongoMs[i] = (System.nanoTime() - t) / 1e6;
        }
        double mongoMedian = percentile(mongoMs, 50);
        double p50 = percentile(warm, 50);
        System.out.printf("%-62s %,9d %8.2f %8.2f %8.2f %8.2f %8.2f %,10.0f %7.0fx%s%n", rule.name(), count, percentile(cold, 50),
                percentile(cold, 99), p50, percentile(warm, 99), cpuPerCall, mongoMedian, mongoMedian / p50,
                count == mongoCount ? "" : "  MISMATCH: MongoDB counts " + mongoCount);
    }

    /** Each call's wall time over a kept-alive connection; every answer must be the count found before. */
    private static double[] time(KeepAliveConnection connection, String body, String answer, int calls) {
        double[] millis = new double[calls];
        for (int i = 0; i < calls; i++) {
            long t = System.nanoTime();
            KeepAliveConnection.Response response;
            try {
                response = connection.post("/graphql", body);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            millis[i] = (System.nanoTime() - t) / 1e6;
            if (response.status() != 200 || !response.body().startsWith(answer)) {
                throw new IllegalStateException("unexpected answer " + response.status() + ": " + response.body());
            }
        }
        return millis;
    }

    /**
     * Heap of a fresh index built from the store as a starting instance builds it, and how long that takes: the first
     * build runs code the JVM has not compiled yet, as at a start, the later ones show the warm figure.
     */
    private static void footprint(ConfigurableApplicationContext app) throws InterruptedException {
        for (int build = 1; build <= REBUILDS; build++) {
            usedHeap();
            long cpu = ProcessMeters.cpuNanos();
            AudienceRebuild.Rebuilt rebuilt = AudienceRebuild.rebuild(app);
            long cpuMillis = (ProcessMeters.cpuNanos() - cpu) / 1_000_000;
            System.out.printf("Audience index rebuild %d (%s): %,d customers in %,d ms, %s in %,d ms (%,d ms in all, %,d ms CPU)%n",
                    build, build == 1 ? "cold" : "warm", rebuilt.index().size(), rebuilt.customerMillis(), rebuilt.parts(),
                    rebuilt.partMillis(), rebuilt.customerMillis() + rebuilt.partMillis(), cpuMillis);
            int customers = rebuilt.index().size();
            long graph = GraphLayout.parseInstance(rebuilt.index()).totalSize();
            // Held, then dropped: the difference is the index, and whatever else the service let go of meanwhile.
            long withIndex = usedHeap();
            rebuilt = null;
            long bytes = withIndex - usedHeap();
            System.out.printf("Audience index heap: %.1f MB by its object graph (%d bytes a customer); used heap with it held"
                    + " minus dropped: %.1f MB%n", graph / 1e6, graph / Math.max(1, customers), bytes / 1e6);
        }
    }

    /**
     * CPU time of the whole process (client, service and store share it): divided by the calls, a figure that load from
     * other processes on the machine inflates far less than wall-clock percentiles.
     */

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static double percentile(double[] values, int percentile) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
