package dev.strata.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import dev.strata.StrataApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Issue 11's figures: demo customers on the embedded in-memory store, a single-step campaign to all of them
 * (created, submitted, approved by another marketer, launched over HTTP with real JWTs); prints the launch latency,
 * the time until every customer is enrolled and has a touchpoint (touchpoints per second), and campaign.stats p50/p99
 * read while it runs. A second campaign to the same customers gives the warm figures. Run: see README ("Benchmarks").
 */
public final class CampaignBenchmark {

    static final int CUSTOMERS = Integer.getInteger("bench.customers", 200_000);
    static final String PASSWORD = "bench-password-2026";
    static final StoreCommandCounter COMMANDS = new StoreCommandCounter();
    static final String CREATE = """
            mutation($i: CreateCampaignInput!) { createCampaign(input: $i) { campaign { id } userErrors { message } } }""";
    /**
     * With {@code -Dbench.probe=true} the reader takes turns with two lighter requests, to show what a read waits for:
     * the campaign's status alone (one store round trip) and {@code __typename} (none).
     */
    static final boolean PROBE = Boolean.getBoolean("bench.probe");
    static final List<String> PROBES = List.of("campaign.stats", "campaign.status", "__typename");
    static final String STATS = """
            query($id: ID!) { campaign(id: $id) { status stats { audienceSize enrolled sent suppressed failed
              byChannel { key sent } } } }""";

    private CampaignBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long seeding = System.nanoTime();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(StrataApplication.class)
                .initializers(COMMANDS::attachTo).run(
                "--server.port=0", "--strata.embedded-mongo.store=memory", "--strata.data-dir=target/bench-data",
                "--strata.security.admin-password=" + PASSWORD, "--strata.demo.customers=" + CUSTOMERS,
                "--logging.level.root=WARN")) {
            System.out.printf("seeded %,d demo customers in %.1f s (%s)%n", CUSTOMERS, (System.nanoTime() - seeding) / 1e9,
                    GcPauses.flags());
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            BenchClient anonymous = new BenchClient(port, null);
            BenchClient admin = anonymous.as(anonymous.login("admin", PASSWORD));
            // No quiet hours, so a run measures the same whatever the hour in Shanghai; the default cap (3 a week) stays.
            JsonNode policy = admin.execute("mutation($i: UpdateContactPolicyInput!) { updateContactPolicy(input: $i) { "
                    + "userErrors { message } } }", Map.of("i", Map.of("quietStart", "00:00", "quietEnd", "00:00")))
                    .path("updateContactPolicy").path("userErrors");
            if (!policy.isEmpty()) {
                throw new IllegalStateException("contact policy refused: " + policy);
            }
            BenchClient maker = anonymous.as(user(admin, anonymous, "bench-maker"));
            BenchClient checker = anonymous.as(user(admin, anonymous, "bench-checker"));
            JsonNode created = maker.execute("mutation($i: CreateSegmentInput!) { createSegment(input: $i) { segment { id } "
                    + "userErrors { message } } }", Map.of("i", Map.of("name", "everyone", "rule", Map.of("tierIn",
                    List.of("ORDINARY", "GOLD", "PLATINUM", "DIAMOND"))))).path("createSegment");
            String segment = required(created, "segment");
            try (GcPauses pauses = GcPauses.record()) {
                run("cold", maker, checker, segment, pauses);
                run("warm", maker, checker, segment, pauses);
            }
        }
    }

    private static String user(BenchClient admin, BenchClient anonymous, String name) {
        admin.execute("mutation($i: CreateUserInput!) { createUser(input: $i) { userErrors { message } } }",
                Map.of("i", Map.of("username", name, "password", PASSWORD, "roles", List.of("MARKETER"))));
        return anonymous.login(name, PASSWORD);
    }

    private static void run(String label, BenchClient maker, BenchClient checker, String segment, GcPauses pauses)
            throws Exception {
        JsonNode createdCampaign = maker.execute(CREATE, Map.of("i", Map.of("name", "bench " + label, "segmentIds", List.of(segment),
                "costPerContact", List.of(Map.of("channel", "SMS", "cost", "0.05")),
                "journey", List.of(Map.of("send", Map.of("key", "offer", "channel", "SMS", "fallbackChannels",
                        List.of("APP_PUSH", "WECHAT"), "template", "{name}, a new offer from {rmName}"))))))
                .path("createCampaign");
        String id = required(createdCampaign, "campaign");
        transition(maker, "submitCampaign", id);
        transition(checker, "approveCampaign", id);
        pauses.sinceLast();
        COMMANDS.takeCounts();
        long cpuAtLaunch = ProcessMeters.cpuNanos();
        long allocatedAtLaunch = ProcessMeters.allocatedBytes();
        long launchStarted = System.nanoTime();
        transition(maker, "launchCampaign", id);
        long launched = System.nanoTime();

        List<long[]> statsReads = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicReference<Exception> readerFailure = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            List<String> bodies = List.of(BenchClient.body(STATS, Map.of("id", id)),
                    BenchClient.body("query($id: ID!) { campaign(id: $id) { status } }", Map.of("id", id)),
                    BenchClient.body("{ __typename }", Map.of()));
            DueTimes due = new DueTimes(Duration.ofMillis(20));
            int turn = 0;
            try (KeepAliveConnection connection = checker.keepAlive()) {
                while (running.get()) {
                    int kind = PROBE ? turn++ % bodies.size() : 0;
                    long t = due.awaitNext();
                    KeepAliveConnection.Response response = connection.post("/graphql", bodies.get(kind));
                    long finished = System.nanoTime();
                    if (response.status() != 200 || kind == 0 && !response.body().contains("\"audienceSize\"")
                            || response.body().contains("\"errors\"")) {
                        throw new IllegalStateException(PROBES.get(kind) + " read failed with HTTP " + response.status());
                    }
                    statsReads.add(new long[] {t, finished, kind});
                    due.finished(finished);
                }
            } catch (IOException | RuntimeException e) {
                readerFailure.set(e);
            }
        }, "stats-reader");
        reader.start();
        long enrolledAt = 0;
        JsonNode stats;
        do {
            sleep(100);
            stats = maker.execute(STATS, Map.of("id", id)).path("campaign").path("stats");
            if (enrolledAt == 0 && stats.path("enrolled").asInt() >= CUSTOMERS) {
                enrolledAt = System.nanoTime();
            }
        } while (touched(stats) < stats.path("audienceSize").asInt(-1) || stats.path("audienceSize").asInt(-1) <= 0
                || stats.path("enrolled").asInt() < stats.path("audienceSize").asInt());
        long done = System.nanoTime();
        double cpuSeconds = (ProcessMeters.cpuNanos() - cpuAtLaunch) / 1e9;
        double allocatedKb = (ProcessMeters.allocatedBytes() - allocatedAtLaunch) / 1024.0;
        running.set(false);
        reader.join();
        if (readerFailure.get() != null) {
            throw new IllegalStateException("the stats reader stopped", readerFailure.get());
        }
        String paused = pauses.sinceLast();
        List<Long> sorted = new ArrayList<>();
        List<Long> unpaused = new ArrayList<>();
        for (long[] read : statsReads) {
            if (read[2] == 0) {
                sorted.add(read[1] - read[0]);
                if (!pauses.overlaps(read[0], read[1])) {
                    unpaused.add(read[1] - read[0]);
                }
            }
        }
        Collections.sort(sorted);
        Collections.sort(unpaused);
        if (PROBE) {
            printProbes(label, statsReads);
        }
        double seconds = (done - launched) / 1e9;
        System.out.printf("%s: launchCampaign %.0f ms; audience %,d enrolled in %.1f s; %,d touchpoints (%,d sent, %,d "
                + "suppressed, %,d failed) in %.1f s after launch = %,.0f touchpoints/s; campaign.stats while running: "
                + "%d reads, p50 %.1f ms, p99 %.1f ms; process CPU %.1f s = %,.0f touchpoints per CPU-second; load average "
                + "%.1f%n", label, (launched - launchStarted) / 1e6,
                stats.path("audienceSize").asInt(), (enrolledAt - launched) / 1e9, touched(stats), stats.path("sent").asInt(),
                stats.path("suppressed").asInt(), stats.path("failed").asInt(), seconds, touched(stats) / seconds,
                sorted.size(), percentile(sorted, 0.50), percentile(sorted, 0.99), cpuSeconds, touched(stats) / cpuSeconds,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("%s: from launch to the last touchpoint, %s; the %d stats reads no pause overlapped: p50 %.1f ms, "
                + "p99 %.1f ms%n", label, paused, unpaused.size(), percentile(unpaused, 0.50),
                percentile(unpaused, 0.99));
        System.out.printf("%s: heap allocated about %.1f KB per touchpoint (a measure of work that the machine's other load"
                + " does not move); %s (the stats readers' included)%n", label, allocatedKb / Math.max(1, touched(stats)),
                COMMANDS.takePer(touched(stats), "touchpoint"));
    }

    /** Each probe request's p50 and p99 while the campaign ran (all reads, pauses or not). */
    private static void printProbes(String label, List<long[]> reads) {
        for (int kind = 0; kind < PROBES.size(); kind++) {
            List<Long> latencies = new ArrayList<>();
            for (long[] read : reads) {
                if (read[2] == kind) {
                    latencies.add(read[1] - read[0]);
                }
            }
            Collections.sort(latencies);
            System.out.printf("%s: probe %s: %d reads, p50 %.1f ms, p99 %.1f ms%n", label, PROBES.get(kind), latencies.size(),
                    percentile(latencies, 0.50), percentile(latencies, 0.99));
        }
    }

    /** The ID of the payload's {@code field}, failing loudly with its userErrors when there is none. */
    private static String required(JsonNode payload, String field) {
        String id = payload.path(field).path("id").asString();
        if (id == null || id.isEmpty()) {
            throw new IllegalStateException(field + " not created: " + payload.path("userErrors"));
        }
        return id;
    }

    private static int touched(JsonNode stats) {
        return stats.path("sent").asInt() + stats.path("suppressed").asInt() + stats.path("failed").asInt();
    }

    private static void transition(BenchClient client, String mutation, String id) {
        JsonNode errors = client.execute("mutation($i: CampaignIdInput!) { " + mutation + "(input: $i) { userErrors { message } } }",
                Map.of("i", Map.of("id", id))).path(mutation).path("userErrors");
        if (!errors.isEmpty()) {
            throw new IllegalStateException(mutation + ": " + errors);
        }
    }

    private static double percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
