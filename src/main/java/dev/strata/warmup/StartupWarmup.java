package dev.strata.warmup;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.strata.customer.CustomerService;
import dev.strata.security.Role;
import dev.strata.security.TokenService;
import dev.strata.security.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Before health turns UP, sends the clients' hot documents (portrait pages, the RM's list, a portrait) to this
 * very service over HTTP, 900 requests and then for as long as the JIT compiler is still busy (a fifth of each
 * second or more), for at most {@code STRATA_WARMUP}, as a marketer of the store: the JIT compiles the hot paths (HTTP, security,
 * GraphQL, store, JSON) before the first real client arrives instead of competing with it for the cores.
 * Nothing is written (reads only, masked, so nothing audited). Skipped when no marketer or no customer exists.
 */
@Component
@Order(100)
class StartupWarmup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StartupWarmup.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final UserService users;
    private final CustomerService customers;
    private final TokenService tokens;
    private final Duration budget;
    private final int threads;
    private final int requests;
    private final java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
    private final CompilerActivity compiler = new CompilerActivity(0.2);
    private final org.springframework.core.env.Environment environment;
    private int port;

    StartupWarmup(UserService users, CustomerService customers, TokenService tokens, @Value("${strata.warmup.duration:PT45S}") Duration budget,
            @Value("${strata.warmup.threads:2}") int threads, @Value("${strata.warmup.requests:900}") int requests,
            org.springframework.core.env.Environment environment) {
        this.requests = requests;
        this.users = users;
        this.customers = customers;
        this.tokens = tokens;
        this.budget = budget;
        this.threads = threads;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        // the port is known only once the server listens, which is before runners run
        port = environment.getProperty("local.server.port", Integer.class, 0);
        if (budget.isZero() || budget.isNegative() || port <= 0) {
            return;
        }
        String token = marketerToken();
        if (token == null || customers.noneStored()) {
            return;
        }
        long deadline = System.nanoTime() + budget.toNanos();
        List<Thread> workers = new ArrayList<>();
        int[] pages = new int[threads];
        for (int i = 0; i < threads; i++) {
            int worker = i;
            Thread thread = new Thread(() -> pages[worker] = work(token, deadline), "warmup-" + i);
            thread.start();
            workers.add(thread);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        int total = 0;
        for (int count : pages) {
            total += count;
        }
        log.info("Warmed up with {} requests in {} ms", total, (System.nanoTime() - deadline + budget.toNanos()) / 1_000_000);
    }

    private int work(String token, long deadline) {
        HttpClient http = HttpClient.newHttpClient();
        String portraitPage = document("mobile/PortraitPage");
        String myCustomers = document("mobile/MyCustomers");
        String portrait = document("mobile/CustomerPortrait");
        String after = null;
        int requests = 0;
        try {
            while (System.nanoTime() < deadline && (sent.addAndGet(3) <= this.requests || compiler.busy())) {
                Map<String, Object> variables = new HashMap<>();
                variables.put("first", 50);
                variables.put("after", after);
                JsonNode page = post(http, token, portraitPage, variables).at("/data/customers");
                after = page.at("/pageInfo/hasNextPage").asBoolean() ? page.at("/pageInfo/endCursor").asText() : null;
                String id = page.at("/edges/0/node/id").asText(null);
                if (id != null) {
                    post(http, token, portrait, Map.of("id", id));
                }
                post(http, token, myCustomers, Map.of("first", 20, "filter", Map.of("tierIn", List.of("GOLD", "PLATINUM"))));
                requests += 3;
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Warm-up stopped early: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return requests;
    }

    private JsonNode post(HttpClient http, String token, String document, Map<String, Object> variables)
            throws IOException, InterruptedException {
        Map<String, Object> body = new HashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .header("X-Request-Id", "startup-warmup")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        return JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    /** A token for some active marketer, or null when there is none. */
    private String marketerToken() {
        return users.anyActive(Role.MARKETER).map(user -> tokens.issue(user.principal(), user.tokenVersion()).token())
                .orElse(null);
    }

    private static String document(String name) {
        try {
            return new ClassPathResource("trusted-documents/" + name + ".graphql").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
