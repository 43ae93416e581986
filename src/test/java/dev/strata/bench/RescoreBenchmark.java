package dev.strata.bench;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

import dev.strata.StrataApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Issue 10's figures: seeds demo customers (scored by the engine as they are stored) on the embedded in-memory store,
 * then changes the model so that about a tenth change tier (GOLD line 50,000 -> 30,000), waits for the background run,
 * and prints customers scored per second and how long after the run the audience index (tierDistribution) shows it.
 * The change is then undone (a second, warm, run). Run: see README ("Benchmarks"); -Dbench.customers=N.
 */
public final class RescoreBenchmark {

    static final int CUSTOMERS = Integer.getInteger("bench.customers", 1_000_000);
    static final String PASSWORD = "bench-password-2026";
    static final String UPDATE = """
            mutation($input: UpdateScoringModelInput!) { updateScoringModel(input: $input) {
              queued run { id } userErrors { message } } }""";
    static final String RUN = "query($id: String) { scoringRun(id: $id) { status total scored changed startedAt finishedAt } }";
    static final String TIERS = "{ tierDistribution { tier count } }";

    private RescoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long seeding = System.nanoTime();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(StrataApplication.class).run(
                "--server.port=0", "--strata.embedded-mongo.store=memory", "--strata.data-dir=target/bench-data",
                "--strata.security.admin-password=" + PASSWORD, "--strata.demo.customers=" + CUSTOMERS,
                "--logging.level.root=WARN", "--logging.level.dev.strata.scoring=INFO")) {
            System.out.printf("seeded and scored %,d demo customers in %.1f s (%.1f s of CPU since the JVM started)%n",
                    CUSTOMERS, (System.nanoTime() - seeding) / 1e9, processCpu().toMillis() / 1000.0);
            runOn(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
        }
    }

    /**
     * The two runs against a service already seeded (admin password {@link #PASSWORD}): the GOLD line down to 30,000
     * (cold, about a tenth move up), then back (warm: retention keeps them, so it measures reading and scoring alone).
     */
    static void runOn(int port) throws Exception {
        BenchClient anonymous = new BenchClient(port, null);
        BenchClient admin = anonymous.as(anonymous.login("admin", PASSWORD));
        measure(admin, "cold", "30000", gold(admin), true);
        measure(admin, "warm", "50000", gold(admin), false);
    }

    private static void measure(BenchClient admin, String label, String goldLine, int goldBefore, boolean goldMoves)
            throws Exception {
        long started = System.nanoTime();
        Duration cpuBefore = processCpu();
        JsonNode payload = admin.execute(UPDATE, Map.of("input", Map.of("goldThreshold", goldLine)))
                .path("updateScoringModel");
        if (!payload.path("userErrors").isEmpty() || payload.path("run").path("id").asString().isEmpty()) {
            throw new IllegalStateException("model change refused: " + payload);
        }
        String id = payload.path("run").path("id").asString();
        JsonNode run;
        do {
            Thread.sleep(200);
            run = admin.execute(RUN, Map.of("id", id)).path("scoringRun");
        } while (!run.path("status").asString().equals("DONE") && !run.path("status").asString().equals("FAILED"));
        long done = System.nanoTime();
        double cpu = processCpu().minus(cpuBefore).toMillis() / 1000.0;
        // The index is up to date once tierDistribution shows GOLD moved; give up after 60 s.
        int goldAfter = gold(admin);
        while (goldMoves && goldAfter == goldBefore && System.nanoTime() - done < 60_000_000_000L) {
            Thread.sleep(50);
            goldAfter = gold(admin);
        }
        long reflected = System.nanoTime();
        double seconds = Duration.between(OffsetDateTime.parse(run.path("startedAt").asString()).toInstant(),
                OffsetDateTime.parse(run.path("finishedAt").asString()).toInstant()).toMillis() / 1000.0;
        seconds = seconds > 0 ? seconds : (done - started) / 1e9;
        int scored = run.path("scored").asInt();
        System.out.printf("%s: GOLD line %s: %,d scored, %,d changed in %.1f s = %,.0f customers scored/s "
                + "(request to DONE seen %.1f s); GOLD %,d -> %,d; index showed it %.0f ms after DONE was seen%n", label,
                goldLine, scored, run.path("changed").asInt(), seconds, scored / seconds, (done - started) / 1e9, goldBefore,
                goldAfter, (reflected - done) / 1e6);
        System.out.printf("%s: %.1f s of CPU in the process (service, store and client; JIT and GC included) = %,.0f scored "
                + "per CPU second%n", label, cpu, scored / cpu);
    }

    /** CPU time of this whole process so far: on a shared machine a steadier measure than wall time. */
    static Duration processCpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static int gold(BenchClient admin) {
        for (JsonNode count : admin.execute(TIERS, Map.of()).path("tierDistribution")) {
            if (count.path("tier").asString().equals("GOLD")) {
                return count.path("count").asInt();
            }
        }
        return 0;
    }
}
