package dev.strata.bench;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 20 clients paging 50 full portraits each against {@code java -jar target/strata-*.jar} (no JVM flags, 10,000
 * demo customers, in-memory store) started by this program on this machine, so server and load share its cores.
 * Reports pages/s, p50 and p99 for the first 60 s after health turns UP and for a minute of steady state 3 minutes
 * after UP, then again with 4 hostile clients sending the heaviest query the limits allow. Sizes by system
 * properties: {@code bench.jar}, {@code bench.clients}, {@code bench.hostile}, {@code bench.steadyAfter} (s),
 * {@code bench.window} (s), {@code bench.port}; {@code bench.jvmArgs} only to profile.
 */
public final class PortraitLoadBenchmark {

    /** The mobile app's own document: a page of 50 full portraits. */
    static final String PAGE = BenchClient.clientDocument("mobile/PortraitPage");

    /** Every portrait field for a page of 50: cost 8,601 of the 10,000 allowed, the heaviest single query admitted. */
    static final String HOSTILE = """
            query { customers(first: 50) { totalCount edges { node {
              id externalRef name gender birthDate age phone idNumber source lifecycleStage riskLevel tier
              branch { id code name } manager { id code name }
              assets { aum deposits monthlyAvgDailyDeposit loans }
              balanceHistory(months: 12) { month avgDailyDeposit avgDailyAum }
              digital { appRegistered miniProgramBound lastLoginAt }
              identities { channel externalId } consents { channel granted updatedAt }
              labels { label { id key name category } appliedAt source }
              products { product { code name type risk } openedAt balance }
              value { currentValue potentialValue lifetimeValue churnRisk quadrant scoredAt }
              preferredChannel tierHistory { from to at reason }
              recommendations(limit: 3) { product { code name risk } reason score }
              recentTouchpoints { channel status at }
              touchpoints(first: 5) { totalCount edges { node { channel status outcome note createdAt } } }
            } } } }
            """;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One timed page: when it finished (ms since UP) and how long it took (ms). */
    record Sample(long atMs, double tookMs) {
    }

    private PortraitLoadBenchmark() {
    }

    private static final java.util.concurrent.ConcurrentSkipListMap<Long, Long> serverCpu =
            new java.util.concurrent.ConcurrentSkipListMap<>();

    public static void main(String[] args) throws Exception {
        String jar = System.getProperty("bench.jar") != null ? System.getProperty("bench.jar") : firstJar();
        int clients = Integer.getInteger("bench.clients", 20);
        int hostile = Integer.getInteger("bench.hostile", 4);
        int steadyAfter = Integer.getInteger("bench.steadyAfter", 180);
        int window = Integer.getInteger("bench.window", 60);
        int port = Integer.getInteger("bench.port", 18080);
        System.out.printf("server: java -jar %s (10,000 demo customers, memory store) on this machine with the load: %d cores%n",
                jar, Runtime.getRuntime().availableProcessors());
        Process server = start(jar, port);
        try {
            String base = "http://localhost:" + port;
            long started = System.nanoTime();
            waitUntilUp(base);
            long up = System.nanoTime();
            System.out.printf("start-up to UP: %.1f s%n", (up - started) / 1e9);
            String token = login(base);
            ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
            AtomicBoolean stop = new AtomicBoolean();
            serverCpu.put(0L, cpuNanos(server));
            AtomicBoolean hostileOn = new AtomicBoolean();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                threads.add(started(() -> page(base, token, up, samples, stop)));
            }
            for (int i = 0; i < hostile; i++) {
                threads.add(started(() -> hostile(base, token, hostileOn, stop)));
            }
            threads.add(started(() -> recordCpu(server, up, stop)));
            long quietEnd = steadyAfter + window;
            sleepUntil(up, quietEnd * 1000L);
            hostileOn.set(true);
            sleepUntil(up, (quietEnd + 10 + window) * 1000L);
            stop.set(true);
            for (Thread thread : threads) {
                thread.join(30_000);
            }
            report("first 60 s after UP", samples, 0, 60_000);
            report("steady, " + steadyAfter + "-" + quietEnd + " s after UP", samples, steadyAfter * 1000L, quietEnd * 1000L);
            report("hostile (" + hostile + " clients), " + (quietEnd + 10) + "-" + (quietEnd + 10 + window) + " s", samples,
                    (quietEnd + 10) * 1000L, (quietEnd + 10 + window) * 1000L);
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    private static Thread started(Runnable body) {
        Thread thread = new Thread(body);
        thread.start();
        return thread;
    }

    private static void page(String base, String token, long up, ConcurrentLinkedQueue<Sample> samples, AtomicBoolean stop) {
        HttpClient http = HttpClient.newHttpClient();
        String after = null;
        while (!stop.get()) {
            long t0 = System.nanoTime();
            JsonNode data;
            try {
                data = post(http, base, token, PAGE, after == null ? Map.of() : Map.of("after", after));
            } catch (RuntimeException e) {
                System.out.println("page failed: " + e.getMessage());
                after = null;
                continue;
            }
            long t1 = System.nanoTime();
            samples.add(new Sample((t1 - up) / 1_000_000, (t1 - t0) / 1e6));
            JsonNode info = data.at("/customers/pageInfo");
            after = info.path("hasNextPage").asBoolean() ? info.path("endCursor").asText() : null;
        }
    }

    private static void hostile(String base, String token, AtomicBoolean on, AtomicBoolean stop) {
        HttpClient http = HttpClient.newHttpClient();
        while (!stop.get()) {
            if (!on.get()) {
                sleep(200);
                continue;
            }
            try {
                post(http, base, token, HOSTILE, Map.of());
            } catch (RuntimeException e) {
                System.out.println("hostile query failed: " + e.getMessage());
            }
        }
    }

    /** The server process's CPU time, every 250 ms, by ms after UP: CPU per page, which other load moves less. */
    private static void recordCpu(Process server, long up, AtomicBoolean stop) {
        while (!stop.get()) {
            serverCpu.put((System.nanoTime() - up) / 1_000_000, cpuNanos(server));
            sleep(250);
        }
    }

    private static long cpuNanos(Process server) {
        return server.toHandle().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    private static void report(String name, ConcurrentLinkedQueue<Sample> samples, long fromMs, long toMs) {
        double[] took = samples.stream().filter(s -> s.atMs() >= fromMs && s.atMs() < toMs).mapToDouble(Sample::tookMs)
                .sorted().toArray();
        double seconds = (toMs - fromMs) / 1000.0;
        long cpu = serverCpu.floorEntry(toMs).getValue() - serverCpu.floorEntry(fromMs).getValue();
        System.out.printf("%-34s %7.1f pages/s  p50 %6.0f ms  p99 %6.0f ms  (%d pages, server CPU %.1f ms a page)%n", name,
                took.length / seconds, percentile(took, 0.50), percentile(took, 0.99), took.length,
                cpu / 1e6 / Math.max(1, took.length));
    }

    private static double percentile(double[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    static JsonNode post(HttpClient http, String base, String token, String document, Map<String, Object> variables) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/graphql"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", document, "variables", variables))));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            JsonNode json = JSON.readTree(http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
            if (json.has("errors")) {
                String errors = json.get("errors").toString();
                throw new IllegalStateException("GraphQL errors: " + errors.substring(0, Math.min(200, errors.length())));
            }
            return json.get("data");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String login(String base) {
        return post(HttpClient.newHttpClient(), base, null,
                "mutation($u: String!, $p: String!) { login(input: {username: $u, password: $p}) { token } }",
                Map.of("u", "marketer", "p", "demo-pass-2026")).at("/login/token").asText();
    }

    private static Process start(String jar, int port) throws Exception {
        Path data = Files.createTempDirectory("strata-bench");
        List<String> command = new ArrayList<>(List.of("java"));
        String jvmArgs = System.getProperty("bench.jvmArgs", "");   // for profiling runs only; measured runs use none
        if (!jvmArgs.isBlank()) {
            command.addAll(List.of(jvmArgs.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(new File(data.toFile(), "server.log"));
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        builder.environment().put("STRATA_DATA_DIR", data.toString());
        builder.environment().put("STRATA_EMBEDDED_STORE", "memory");
        builder.environment().put("STRATA_DEMO_CUSTOMERS", "10000");
        builder.environment().put("STRATA_ADMIN_PASSWORD", "bench-admin-password");
        System.out.println("server log: " + data.resolve("server.log"));
        return builder.start();
    }

    private static void waitUntilUp(String base) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        for (int i = 0; i < 6000; i++) {
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the server never turned UP");
    }

    private static String firstJar() {
        File[] jars = new File("target").listFiles((dir, name) -> name.startsWith("strata-") && name.endsWith(".jar"));
        if (jars == null || jars.length == 0) {
            throw new IllegalStateException("no target/strata-*.jar: run mvn package first, or set -Dbench.jar");
        }
        return jars[0].getPath();
    }

    private static void sleepUntil(long up, long ms) {
        long wait = ms - (System.nanoTime() - up) / 1_000_000;
        if (wait > 0) {
            sleep(wait);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
