package dev.strata.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.strata.StrataApplication;
import dev.strata.customer.ChineseIds;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Issue 3's figures: ingest 100,000 customers in batches of 1,000 over HTTP, then fetch pages of 50
 * full portraits as an RM and as a marketer and report p50/p99. Runs the real service on the embedded
 * in-memory store. Run: see README ("Benchmarks").
 */
public final class IngestAndPortraitBenchmark {

    static final int CUSTOMERS = Integer.getInteger("bench.customers", 100_000);
    static final int BATCH = 1000;
    static final int PAGES = Integer.getInteger("bench.pages", 300);
    /** Concurrent feed connections, as a core-banking batch job would open. */
    static final int FEEDERS = Integer.getInteger("bench.feeders", 2);
    /**
     * Customers ingested before the clock starts (printed as its own, cold, figure): a fresh JVM spends the
     * first hundred thousand rows compiling hot code and growing its heap, and a feed meets a server that
     * has long finished both. The timed run is therefore a steady-state figure.
     */
    static final int WARMUP = Integer.getInteger("bench.warmup", 100_000);
    /** Pages fetched by each reader before the clock starts. */
    static final int WARMUP_PAGES = Integer.getInteger("bench.warmupPages", 300);
    static final String PASSWORD = "bench-password-2026";

    /** The mobile app's own document: a page of 50 full portraits. */
    static final String PORTRAIT_PAGE = BenchClient.clientDocument("mobile/PortraitPage");

    private IngestAndPortraitBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(StrataApplication.class).run(
                "--server.port=0", "--strata.embedded-mongo.store=memory", "--strata.data-dir=target/bench-data",
                "--strata.security.admin-password=" + PASSWORD, "--strata.demo.customers=0",
                "--logging.level.root=WARN")) {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            BenchClient anonymous = new BenchClient(port, null);
            BenchClient admin = anonymous.as(anonymous.login("admin", PASSWORD));
            organisation(admin);
            BenchClient feed = anonymous.as(user(admin, anonymous, "bench-feed", "SERVICE", null));
            if (WARMUP > 0) {
                ingest(feed, "warm-up", "W", WARMUP);
            }
            ingest(feed, "ingest", "B", CUSTOMERS);
            BenchClient rm = anonymous.as(user(admin, anonymous, "bench-rm", "RELATIONSHIP_MANAGER", "RM01"));
            BenchClient marketer = anonymous.as(user(admin, anonymous, "bench-mkt", "MARKETER", null));
            pages(new Reader("RM (own book)", rm), new Reader("marketer (all customers)", marketer));
        }
    }

    private static void organisation(BenchClient admin) {
        List<Map<String, Object>> branches = new ArrayList<>();
        List<Map<String, Object>> managers = new ArrayList<>();
        for (int b = 1; b <= 5; b++) {
            branches.add(Map.of("code", "BR0" + b, "name", "支行" + b));
        }
        for (int m = 1; m <= 20; m++) {
            managers.add(Map.of("code", String.format("RM%02d", m), "name", "经理" + m, "branchCode", "BR0" + ((m - 1) / 4 + 1)));
        }
        admin.execute("mutation($i: UpsertBranchesInput!) { upsertBranches(input: $i) { userErrors { code } } }",
                Map.of("i", Map.of("branches", branches)));
        admin.execute("mutation($i: UpsertRelationshipManagersInput!) { upsertRelationshipManagers(input: $i) { userErrors { code } } }",
                Map.of("i", Map.of("managers", managers)));
    }

    private static String user(BenchClient admin, BenchClient anonymous, String name, String role, String manager) {
        Map<String, Object> input = new HashMap<>(Map.of("username", name, "password", PASSWORD, "roles", List.of(role)));
        if (manager != null) {
            input.put("managerCode", manager);
        }
        admin.execute("mutation($i: CreateUserInput!) { createUser(input: $i) { userErrors { code message } } }",
                Map.of("i", input));
        return anonymous.login(name, PASSWORD);
    }

    private static void ingest(BenchClient feed, String phase, String prefix, int customers) throws Exception {
        String mutation = "mutation($i: UpsertCustomersInput!) { upsertCustomers(input: $i) { created userErrors { code } } }";
        // The feed is another system: its request bodies are prepared before the clock starts.
        List<Callable<Integer>> batches = new ArrayList<>();
        for (int from = 0; from < customers; from += BATCH) {
            Random random = new Random(from);
            List<Map<String, Object>> rows = new ArrayList<>(BATCH);
            for (int i = from; i < Math.min(customers, from + BATCH); i++) {
                rows.add(row(prefix, i, random));
            }
            String body = BenchClient.body(mutation,
                    Map.of("i", Map.of("idempotencyKey", "bench-" + prefix + from, "customers", rows)));
            batches.add(() -> feed.post(body).get("upsertCustomers").get("created").asInt());
        }
        ExecutorService feeders = Executors.newFixedThreadPool(FEEDERS);
        java.time.Duration cpuBefore = ProcessHandle.current().info().totalCpuDuration().orElse(java.time.Duration.ZERO);
        long started = System.nanoTime();
        int created = 0;
        for (Future<Integer> batch : feeders.invokeAll(batches)) {
            created += batch.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        feeders.shutdown();
        double cpu = (ProcessHandle.current().info().totalCpuDuration().orElse(java.time.Duration.ZERO).minus(cpuBefore))
                .toMillis() / 1000.0;
        System.out.printf("%s: %d customers created in %.1f s = %.0f rows/s (batches of %d over HTTP, %d feeders;"
                + " %.1f s CPU in the one process that runs service, store and client)%n",
                phase, created, seconds, created / seconds, BATCH, FEEDERS, cpu);
    }

    private static Map<String, Object> row(String prefix, int i, Random random) {
        String birth = String.format("%04d%02d%02d", 1950 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(28));
        String first17 = "110101" + birth + String.format("%03d", random.nextInt(1000));
        double deposits = Math.round(Math.exp(9.6 + 2.0 * random.nextGaussian()) * 100) / 100.0;
        Map<String, Object> row = new HashMap<>();
        row.put("externalRef", String.format("%s%08d", prefix, i));
        row.put("name", "客户" + i);
        row.put("gender", random.nextBoolean() ? "M" : "F");
        row.put("birthDate", birth.substring(0, 4) + "-" + birth.substring(4, 6) + "-" + birth.substring(6));
        row.put("phone", (prefix.equals("W") ? "137" : "139") + String.format("%08d", i));
        row.put("idNumber", first17 + ChineseIds.checkDigit(first17));
        row.put("riskLevel", "C" + (1 + random.nextInt(5)));
        row.put("managerCode", String.format("RM%02d", 1 + i % 20));
        row.put("deposits", String.format("%.2f", deposits));
        row.put("aum", String.format("%.2f", deposits * 1.4));
        row.put("consents", List.of(Map.of("channel", "SMS", "granted", true), Map.of("channel", "WECHAT", "granted", random.nextBoolean())));
        row.put("identities", List.of(Map.of("channel", "WECHAT", "externalId", "bench-wx-" + prefix + i)));
        return row;
    }

    /** One reader paging through what they may see, and the time each timed page took. */
    private static final class Reader {
        final String who;
        final BenchClient client;
        final long[] nanos = new long[PAGES];
        String after;
        int visible;

        Reader(String who, BenchClient client) {
            this.who = who;
            this.client = client;
        }

        /** Fetches the next page, wrapping to the start at the end; returns how long it took. */
        long nextPage() {
            long started = System.nanoTime();
            JsonNode customers = client.execute(PORTRAIT_PAGE, cursor(after)).get("customers");
            long took = System.nanoTime() - started;
            visible = customers.get("totalCount").asInt();
            JsonNode pageInfo = customers.get("pageInfo");
            after = pageInfo.get("hasNextPage").asBoolean() ? pageInfo.get("endCursor").asText() : null;
            return took;
        }

        void report() {
            Arrays.sort(nanos);
            System.out.printf("portrait pages of 50 as %s (%d visible): p50 %.1f ms, p99 %.1f ms, max %.1f ms over %d pages%n",
                    who, visible, nanos[PAGES / 2] / 1e6, nanos[(int) Math.ceil(PAGES * 0.99) - 1] / 1e6, nanos[PAGES - 1] / 1e6,
                    PAGES);
        }
    }

    /** The readers take turns page by page, so each meets the same server: same heap, same compiled code. */
    private static void pages(Reader... readers) {
        for (int i = 0; i < WARMUP_PAGES; i++) {
            for (Reader reader : readers) {
                reader.nextPage();
            }
        }
        for (int i = 0; i < PAGES; i++) {
            for (Reader reader : readers) {
                reader.nanos[i] = reader.nextPage();
            }
        }
        for (Reader reader : readers) {
            reader.report();
        }
    }

    private static Map<String, Object> cursor(String after) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("after", after);
        return variables;
    }
}
