package dev.strata.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import dev.strata.StrataApplication;
import dev.strata.card.CardService;
import dev.strata.customer.CustomersChanged;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Card visits under load: 10,000 simulated visitors hit 20 cards with mixed actions for 60 s on the embedded in-memory
 * store (rate limits raised through configuration), while an RM pages their radar. Visitors arrive on their own, as
 * real ones do (open loop): {@code -Dbench.rate} visits per second (default 1,000) are due at fixed times and served over
 * a pool of {@code -Dbench.connections} keep-alive connections (default 100), and each visit's latency counts from the
 * time it was due, so a server that falls behind shows it in the latency instead of being offered less (no coordinated
 * omission). {@code -Dbench.rate=0} sends back to back on every connection instead (closed loop). Prints the offered and
 * achieved visits per second and p50/p99, the radar page's p50/p99 during the load, the process CPU per visit (server
 * and client) and the store round trips per visit by command; {@code -Dbench.tomcatThreads} sets the server's request
 * threads (default 200). Both the visitors and the RM's radar reader use plain keep-alive sockets
 * ({@link KeepAliveConnection}), so the process CPU is the server's, not an HTTP client's.
 */
public final class CardVisitBenchmark {

    static final int VISITORS = Integer.getInteger("bench.visitors", 10_000);
    static final int CONNECTIONS = Integer.getInteger("bench.connections", 100);
    static final int CARDS = 20;
    static final int SECONDS = Integer.getInteger("bench.seconds", 60);
    static final int WARMUP_SECONDS = Integer.getInteger("bench.warmupSeconds", 30);
    /** Visits offered per second, arriving on their own schedule (open loop); 0 sends back to back on every connection. */
    static final int RATE = Integer.getInteger("bench.rate", 1_000);
    /** How long after the run's end visits still due are sent before the rest count as never sent. */
    static final int GRACE_SECONDS = 10;
    static final StoreCommandCounter COMMANDS = new StoreCommandCounter();
    static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    /** Customer writes (each publishes CustomersChanged, which the index and rescoring follow) and the customers they name. */
    static final LongAdder CUSTOMER_WRITES = new LongAdder();
    static final LongAdder CUSTOMERS_REREAD = new LongAdder();
    static final String PASSWORD = "bench-password-2026";
    static final String VISIT = "mutation($i: RecordCardVisitInput!) { recordCardVisit(input: $i) { recorded userErrors { code } } }";
    static final String RADAR = "{ cardVisitors(first: 20) { edges { node { visitorName visits lastVisitAt heat"
            + " productsViewed { code } customer { id name } } } } }";

    private CardVisitBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(StrataApplication.class)
                .initializers(context -> {
                    COMMANDS.attachTo(context);
                    context.addApplicationListener(event -> {
                        if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof CustomersChanged changed) {
                            CUSTOMER_WRITES.increment();
                            CUSTOMERS_REREAD.add(changed.customerIds().size());
                        }
                    });
                }).run(
                "--server.port=0", "--strata.embedded-mongo.store=memory", "--strata.data-dir=target/bench-data",
                "--strata.security.admin-password=" + PASSWORD, "--strata.demo.customers=0",
                "--strata.card.calls-per-minute-per-address=100000000", "--strata.card.calls-per-minute-per-card=100000000",
                "--server.tomcat.threads.max=" + Integer.getInteger("bench.tomcatThreads", 200), "--logging.level.root=WARN")) {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            BenchClient anonymous = new BenchClient(port, null);
            BenchClient admin = anonymous.as(anonymous.login("admin", PASSWORD));
            List<String> slugs = organisation(app, admin);
            String rmToken = rmUser(admin, anonymous);
            System.out.println("JVM: " + GcPauses.flags());
            try (GcPauses pauses = GcPauses.record();
                    KeepAliveConnection rm = new KeepAliveConnection("localhost", port, rmToken)) {
                run(port, slugs, rm, WARMUP_SECONDS, false, pauses);
                run(port, slugs, rm, SECONDS, true, pauses);
            }
        }
    }

    private static List<String> organisation(ConfigurableApplicationContext app, BenchClient admin) {
        List<Map<String, Object>> managers = new ArrayList<>();
        for (int m = 1; m <= CARDS; m++) {
            managers.add(Map.of("code", String.format("RM%02d", m), "name", "经理" + m, "branchCode", "BR01"));
        }
        admin.execute("mutation($i: UpsertBranchesInput!) { upsertBranches(input: $i) { userErrors { code } } }",
                Map.of("i", Map.of("branches", List.of(Map.of("code", "BR01", "name", "支行")))));
        admin.execute("mutation($i: UpsertRelationshipManagersInput!) { upsertRelationshipManagers(input: $i) { userErrors { code } } }",
                Map.of("i", Map.of("managers", managers)));
        admin.execute("mutation($i: UpsertProductsInput!) { upsertProducts(input: $i) { userErrors { code } } }",
                Map.of("i", Map.of("products", List.of(Map.of("code", "BP-CASH", "name", "现金管理", "type", "WEALTH",
                        "risk", "R1", "minAmount", "1"), Map.of("code", "BP-TIME", "name", "定期", "type", "DEPOSIT",
                        "risk", "R1", "minAmount", "50")))));
        CardService cards = app.getBean(CardService.class);
        List<String> slugs = new ArrayList<>();
        for (int m = 1; m <= CARDS; m++) {
            slugs.add(cards.cardOf(String.format("RM%02d", m)).slug());
        }
        app.getBean(MongoTemplate.class).updateMulti(new Query(),
                Update.update("featuredProductCodes", List.of("BP-CASH", "BP-TIME")), "business_cards");
        return slugs;
    }

    private static String rmUser(BenchClient admin, BenchClient anonymous) {
        admin.execute("mutation($i: CreateUserInput!) { createUser(input: $i) { userErrors { code message } } }",
                Map.of("i", Map.of("username", "bench-rm", "password", PASSWORD, "roles", List.of("RELATIONSHIP_MANAGER"),
                        "managerCode", "RM01")));
        return anonymous.login("bench-rm", PASSWORD);
    }

    /** One visit's request body: visitor v at their card (most visitors come back to one card), a mixed action. */
    private static String visitBody(SplittableRandom random, List<String> slugs) {
        int visitor = random.nextInt(VISITORS);
        String slug = slugs.get(random.nextInt(10) < 8 ? visitor % CARDS : random.nextInt(CARDS));
        Map<String, Object> input = new HashMap<>();
        input.put("slug", slug);
        input.put("identity", Map.of("channel", "WECHAT", "externalId", "bench-visitor-" + visitor));
        int dice = random.nextInt(100);
        if (dice < 60) {
            input.put("action", "VIEW");
        } else if (dice < 75) {
            input.put("action", "PRODUCT_VIEW");
            input.put("productCode", random.nextBoolean() ? "BP-CASH" : "BP-TIME");
        } else if (dice < 85) {
            input.put("action", "CALL_TAP");
        } else if (dice < 95) {
            input.put("action", "SHARE");
            input.put("sharer", Map.of("channel", "WECHAT", "externalId", "bench-visitor-" + random.nextInt(VISITORS)));
        } else {
            input.put("action", "LEAVE_CONTACT");
            input.put("name", "访客" + visitor);
            input.put("phone", String.format("139%08d", visitor));
            input.put("consent", true);
        }
        return BenchClient.body(VISIT, Map.of("i", input));
    }

    private static void run(int port, List<String> slugs, KeepAliveConnection rm, int seconds, boolean report,
            GcPauses pauses) throws Exception {
        AtomicLong failures = new AtomicLong();
        AtomicLong nextArrival = new AtomicLong();
        AtomicLong unsent = new AtomicLong();
        AtomicLong lastDone = new AtomicLong();
        long[][] latencies = new long[CONNECTIONS][];
        int[] counts = new int[CONNECTIONS];
        long[] clientCpu = new long[CONNECTIONS];
        long[] clientAllocated = new long[CONNECTIONS];
        CountDownLatch done = new CountDownLatch(CONNECTIONS);
        COMMANDS.takeCounts();
        CUSTOMER_WRITES.reset();
        CUSTOMERS_REREAD.reset();
        pauses.sinceLast();
        long cpuBefore = ProcessMeters.cpuNanos();
        long allocatedBefore = ProcessMeters.allocatedBytes();
        long firstPlanned = System.nanoTime() + 100_000_000L;
        long end = firstPlanned + seconds * 1_000_000_000L;
        long giveUp = end + GRACE_SECONDS * 1_000_000_000L;
        long interval = RATE > 0 ? 1_000_000_000L / RATE : 0;
        for (int c = 0; c < CONNECTIONS; c++) {
            int connection = c;
            new Thread(() -> {
                SplittableRandom random = new SplittableRandom(connection * 7919L + (report ? 1 : 0));
                long[] mine = new long[1024];
                int n = 0;
                try (KeepAliveConnection http = new KeepAliveConnection("localhost", port)) {
                    while (true) {
                        long start;
                        if (RATE > 0) {
                            // Open loop: arrival i is due at its own time whatever the earlier ones took, and its
                            // latency counts from then, so a slow server shows as latency, not as fewer arrivals.
                            long planned = firstPlanned + nextArrival.getAndIncrement() * interval;
                            if (planned >= end) {
                                break;
                            }
                            if (System.nanoTime() > giveUp) {
                                unsent.incrementAndGet();
                                continue;
                            }
                            long wait = planned - System.nanoTime();
                            if (wait > 0) {
                                LockSupport.parkNanos(wait);
                            }
                            start = planned;
                        } else {
                            start = System.nanoTime();
                            if (start >= end) {
                                break;
                            }
                        }
                        String body = visitBody(random, slugs);
                        KeepAliveConnection.Response response = http.post("/graphql", body);
                        long finished = System.nanoTime();
                        lastDone.accumulateAndGet(finished, Math::max);
                        if (response.status() != 200 || !response.body().contains("\"recorded\":true")) {
                            failures.incrementAndGet();
                        }
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = finished - start;
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                } finally {
                    clientCpu[connection] = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                    clientAllocated[connection] = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
                    latencies[connection] = mine;
                    counts[connection] = n;
                    done.countDown();
                }
            }).start();
        }
        List<Long> radar = new ArrayList<>();
        String radarBody = BenchClient.body(RADAR, Map.of());
        DueTimes radarDue = new DueTimes(java.time.Duration.ofMillis(100));
        while (System.nanoTime() < end) {
            long due = radarDue.awaitNext();
            KeepAliveConnection.Response page = rm.post("/graphql", radarBody);
            long finished = System.nanoTime();
            radar.add(finished - due);
            radarDue.finished(finished);
            if (page.status() != 200 || page.body().contains("\"errors\"")) {
                throw new IllegalStateException("radar page failed with status " + page.status());
            }
        }
        done.await();
        double elapsed = (Math.max(end, lastDone.get()) - firstPlanned) / 1e9;
        double cpu = (ProcessMeters.cpuNanos() - cpuBefore) / 1e6;
        long allocated = ProcessMeters.allocatedBytes() - allocatedBefore + Arrays.stream(clientAllocated).sum();
        double client = Arrays.stream(clientCpu).sum() / 1e6;
        int total = Arrays.stream(counts).sum();
        String commands = COMMANDS.takePer(total, "visit");
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < CONNECTIONS; c++) {
            System.arraycopy(latencies[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        long[] radarSorted = radar.stream().mapToLong(Long::longValue).sorted().toArray();
        String phase = report ? "timed" : "warm-up";
        String model = RATE > 0 ? String.format("open loop, offered %d visits/s", RATE) : "closed loop, back to back";
        System.out.printf("%s: recordCardVisit (%s) %d visits in %.1f s over %d connections = %.0f visits/s achieved;"
                + " p50 %.1f ms, p99 %.1f ms, max %.1f ms (from each visit's due time); %d failed, %d never sent%n", phase,
                model, total, elapsed, CONNECTIONS, total / elapsed, ms(all, 0.50), ms(all, 0.99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6, failures.get(), unsent.get());
        System.out.printf("%s: radar page (cardVisitors first 20) during the load: p50 %.1f ms, p99 %.1f ms over %d pages%n",
                phase, ms(radarSorted, 0.50), ms(radarSorted, 0.99), radarSorted.length);
        System.out.printf("%s: process CPU %.2f ms per visit (%.2f ms of it the load's client threads); load average %.1f%n",
                phase, cpu / Math.max(1, total), client / Math.max(1, total),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("%s: collector: %s%n", phase, pauses.sinceLast());
        System.out.printf("%s: heap allocated about %.0f KB per visit (%.0f KB of it the client's; a measure of work that"
                + " the machine's other load does not move)%n", phase, allocated / 1024.0 / Math.max(1, total),
                Arrays.stream(clientAllocated).sum() / 1024.0 / Math.max(1, total));
        System.out.printf("%s: %s%n", phase, commands);
        System.out.printf("%s: customer writes per visit %.3f (each followed by the audience index's re-read and rescoring),"
                + " naming %.2f changed customers per visit%n", phase, CUSTOMER_WRITES.sum() / (double) Math.max(1, total),
                CUSTOMERS_REREAD.sum() / (double) Math.max(1, total));
    }

    private static double ms(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
