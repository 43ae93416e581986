package dev.strata.segment;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

import dev.strata.StrataApplication;
import dev.strata.store.EmbeddedMongoStore;
import dev.strata.support.ClientExamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Instances sharing one MongoDB each keep their own audience index: a write through one must reach the other's counts by its catch-up poll. */
class TwoInstancesShareOneStoreTests {

    private static final Duration POLL = Duration.ofMillis(500);
    /** A few poll intervals, plus room for a slow, shared build machine. */
    private static final Duration CATCH_UP = Duration.ofSeconds(10);

    @TempDir
    Path dataDir;

    @Test
    void customersEventsAndLabelsWrittenThroughOneInstanceShowInTheOthersCountsAfterItsCatchUpPoll() throws InterruptedException {
        try (EmbeddedMongoStore store = EmbeddedMongoStore.openMemory(0);
                ConfigurableApplicationContext a = start(store, "a");
                ConfigurableApplicationContext b = start(store, "b")) {
            HttpGraphQlTester adminA = admin(a);
            HttpGraphQlTester adminB = admin(b);
            adminA.documentName("admin/UpsertBranches").variable("input", Map.of("branches",
                    List.of(Map.of("code", "TWO", "name", "双实例支行")))).execute()
                    .path("upsertBranches.userErrors").entityList(Object.class).hasSize(0);
            String labelId = adminA.documentName("mobile/CreateLabel").variable("input", Map.of("key", "shared_vip", "name", "共享",
                    "category", "MARKETING", "kind", "MANUAL")).execute()
                    .path("createLabel.userErrors").entityList(Object.class).hasSize(0)
                    .path("createLabel.label.id").entity(String.class).get();
            Map<String, Object> ours = Map.of("branchIn", List.of("TWO"));
            Map<String, Object> transferred = Map.of("and", List.of(ours,
                    Map.of("event", Map.of("type", "TRANSFER", "withinDays", 7, "minCount", 2))));
            Map<String, Object> labelled = Map.of("and", List.of(ours, Map.of("hasLabel", "shared_vip")));
            Map<String, Object> rich = Map.of("and", List.of(ours, Map.of("numeric", Map.of("field", "AUM", "gte", 6_000_000))));
            assertThat(count(adminB, ours)).as("B before any customer").isZero();

            List<String> ids = feed(adminA, List.of(customer("TWO-1", "6000000.00"), customer("TWO-2", "5999999.99"),
                    customer("TWO-3", "10.00")));
            track(adminA, ids.get(0), 2);
            adminA.documentName("mobile/ApplyLabel").variable("input", Map.of("labelId", labelId, "customerIds", ids.subList(0, 2)))
                    .execute().path("applyLabel.userErrors").entityList(Object.class).hasSize(0);
            assertThat(count(adminA, ours)).as("A sees its own writes at once").isEqualTo(3);

            awaitEqual("B: customers in the branch", () -> count(adminB, ours), 3);
            awaitEqual("B: customers with two transfers", () -> count(adminB, transferred), 1);
            awaitEqual("B: customers labelled", () -> count(adminB, labelled), 2);
            awaitEqual("B: AUM at least 6,000,000.00", () -> count(adminB, rich), 1);
            awaitEqual("B: the label's customerCount", () -> labelCount(adminB, labelId), 2);

            List<String> more = feed(adminB, List.of(customer("TWO-4", "7000000.00"), customer("TWO-1", "100.00")));
            track(adminB, more.get(0), 3);
            adminB.documentName("mobile/RemoveLabel").variable("input", Map.of("labelId", labelId, "customerIds", List.of(ids.get(1))))
                    .execute().path("removeLabel.userErrors").entityList(Object.class).hasSize(0);

            awaitEqual("A: customers in the branch", () -> count(adminA, ours), 4);
            awaitEqual("A: customers with two transfers", () -> count(adminA, transferred), 2);
            awaitEqual("A: AUM at least 6,000,000.00 after TWO-1 fell to 100.00", () -> count(adminA, rich), 1);
            awaitEqual("A: customers labelled", () -> count(adminA, labelled), 1);
            awaitEqual("A: the label's customerCount", () -> labelCount(adminA, labelId), 1);
        }
    }

    private static void awaitEqual(String what, IntSupplier actual, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        int last = actual.getAsInt();
        while (last != expected && System.nanoTime() < deadline) {
            Thread.sleep(POLL.toMillis() / 5);
            last = actual.getAsInt();
        }
        assertThat(last).as(what + " within " + CATCH_UP).isEqualTo(expected);
    }

    private static List<String> feed(HttpGraphQlTester admin, List<Map<String, Object>> rows) {
        return admin.documentName("feed/UpsertCustomers").variable("input", Map.of("customers", rows)).execute()
                .path("upsertCustomers.rows[*].userErrors[*]").entityList(Object.class).hasSize(0)
                .path("upsertCustomers.rows[*].customer.id").entityList(String.class).get();
    }

    private static void track(HttpGraphQlTester admin, String customerId, int transfers) {
        List<Map<String, Object>> events = new java.util.ArrayList<>();
        for (int i = 0; i < transfers; i++) {
            events.add(Map.of("customerId", customerId, "type", "TRANSFER", "channel", "APP_PUSH",
                    "occurredAt", java.time.Instant.now().minusSeconds(60L * (i + 1)).toString()));
        }
        admin.documentName("mini-program/TrackEvents").variable("input", Map.of("events", events)).execute()
                .path("trackEvents.rejected").entityList(Object.class).hasSize(0);
    }

    private static Map<String, Object> customer(String ref, String aum) {
        return Map.of("externalRef", ref, "name", "客户" + ref, "branchCode", "TWO", "aum", aum);
    }

    private static int count(HttpGraphQlTester admin, Map<String, Object> rule) {
        return admin.documentName("mobile/PreviewSegment").variable("rule", rule).variable("sampleSize", 1).execute()
                .path("previewSegment.userErrors").entityList(Object.class).hasSize(0)
                .path("previewSegment.count").entity(Integer.class).get();
    }

    private static int labelCount(HttpGraphQlTester admin, String labelId) {
        return admin.document("query($id: ID!) { label(id: $id) { customerCount } }").variable("id", labelId).execute()
                .path("label.customerCount").entity(Integer.class).get();
    }

    private ConfigurableApplicationContext start(EmbeddedMongoStore store, String name) {
        // Command-line arguments outrank application.yml; MONGODB_URI switches the embedded store off and polling on.
        return new SpringApplicationBuilder(StrataApplication.class).run(
                "--MONGODB_URI=" + store.connectionString("strata"),
                "--strata.audience.poll-interval=" + POLL,
                "--server.port=0",
                "--strata.data-dir=" + dataDir.resolve(name),
                "--strata.security.admin-password=two-instances-pass",
                "--strata.security.jwt-secret=c3RyYXRhLXR3by1pbnN0YW5jZXMtc2VjcmV0LWtleS0xMjM0NTY3ODk=",
                "--strata.security.bcrypt-strength=4",
                "--strata.demo.customers=0");
    }

    private static HttpGraphQlTester admin(ConfigurableApplicationContext context) {
        String port = context.getEnvironment().getProperty("local.server.port");
        HttpGraphQlTester anonymous = HttpGraphQlTester.builder(WebTestClient.bindToServer(new JdkClientHttpConnector())
                .baseUrl("http://localhost:" + port + "/graphql")).documentSource(ClientExamples.documentSource()).build();
        String token = anonymous.documentName("mobile/Login").variable("username", "admin").variable("password", "two-instances-pass")
                .execute().path("login.token").entity(String.class).get();
        return anonymous.mutate().header("Authorization", "Bearer " + token).build();
    }
}
