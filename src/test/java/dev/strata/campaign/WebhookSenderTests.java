package dev.strata.campaign;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import dev.strata.shared.Channel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The webhook sender against a real local HTTP server: signature, retries with backoff, FAILED with the reason. */
class WebhookSenderTests {

    private HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> signatures = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();

    private String serve(int failuresBeforeSuccess, int failureStatus) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sms", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            signatures.add(exchange.getRequestHeaders().getFirst(WebhookSender.SIGNATURE));
            int status = calls.incrementAndGet() <= failuresBeforeSuccess ? failureStatus : 202;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms";
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static ChannelSender.OutboundMessage message() {
        return new ChannelSender.OutboundMessage("tp1", "e1|1", "c1", "camp1", "s1", null, Channel.SMS, "你好 Li", "tok");
    }

    @Test
    void messagesAreSignedWithHmacSha256OfTheBody() throws Exception {
        String url = serve(0, 500);
        var sender = new WebhookSender(new ChannelProperties.Webhook(url, "shared-secret"), 3, Duration.ofMillis(10),
                Duration.ofSeconds(5));
        assertThat(sender.send(List.of(message()))).containsExactly(ChannelSender.Outcome.SENT);
        assertThat(bodies).hasSize(1);
        assertThat(bodies.get(0)).contains("\"trackingToken\":\"tok\"").contains("你好 Li");
        assertThat(signatures.get(0)).isEqualTo("sha256=" + WebhookSender.sign(bodies.get(0), "shared-secret"));
        assertThat(WebhookSender.sign("abc", "key"))
                .isEqualTo("9c196e32dc0175f86f4b1cb89289d6619de6bee699e4c378e68309ed97a1a6ab");
    }

    @Test
    void serverErrorsAreRetriedWithBackoffUntilTheGatewayAccepts() throws Exception {
        String url = serve(2, 503);
        var sender = new WebhookSender(new ChannelProperties.Webhook(url, "s"), 3, Duration.ofMillis(50),
                Duration.ofSeconds(5));
        long started = System.nanoTime();
        assertThat(sender.send(List.of(message()))).containsExactly(ChannelSender.Outcome.SENT);
        assertThat(calls).hasValue(3);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }

    @Test
    void theLastFailedTryEndsFailedWithTheReason() throws Exception {
        String url = serve(10, 500);
        var sender = new WebhookSender(new ChannelProperties.Webhook(url, "s"), 3, Duration.ofMillis(10),
                Duration.ofSeconds(5));
        ChannelSender.Outcome outcome = sender.send(List.of(message())).get(0);
        assertThat(outcome.sent()).isFalse();
        assertThat(outcome.failure()).startsWith("HTTP_500").contains("3 attempts");
        assertThat(calls).hasValue(3);
    }
}
