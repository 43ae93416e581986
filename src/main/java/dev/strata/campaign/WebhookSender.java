package dev.strata.campaign;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs each message as JSON to a channel's gateway, signed with HMAC-SHA256 of the body under the shared
 * secret ({@code X-Strata-Signature: sha256=<hex>}); retries with doubling backoff and fails with the reason.
 */
class WebhookSender implements ChannelSender {

    static final String SIGNATURE = "X-Strata-Signature";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ChannelProperties.Webhook webhook;
    private final int attempts;
    private final Duration backoff;
    private final HttpClient http;
    private final Duration timeout;

    WebhookSender(ChannelProperties.Webhook webhook, int attempts, Duration backoff, Duration timeout) {
        this.webhook = webhook;
        this.attempts = Math.max(1, attempts);
        this.backoff = backoff;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public boolean idempotent() {
        return false;
    }

    @Override
    public List<Outcome> send(List<OutboundMessage> messages) {
        List<Outcome> outcomes = new ArrayList<>(messages.size());
        messages.forEach(message -> outcomes.add(sendOne(message)));
        return outcomes;
    }

    private Outcome sendOne(OutboundMessage m) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messageId", m.dedupKey());
        body.put("channel", m.channel().name());
        body.put("customerId", m.customerId());
        body.put("campaignId", m.campaignId());
        body.put("stepKey", m.stepKey());
        body.put("variant", m.variant());
        body.put("text", m.text());
        body.put("trackingToken", m.trackingToken());
        String json = JSON.writeValueAsString(body);
        String failure = null;
        long wait = backoff.toMillis();
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(webhook.url())).timeout(timeout)
                        .header("Content-Type", "application/json").header("Idempotency-Key", m.dedupKey())
                        .header(SIGNATURE, "sha256=" + sign(json, webhook.secret()))
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status >= 200 && status < 300) {
                    return Outcome.SENT;
                }
                failure = "HTTP_" + status + " gateway answered " + status + " after " + attempt + " attempts";
                if (status >= 400 && status < 500 && status != 429) {
                    break;
                }
            } catch (java.io.IOException | IllegalArgumentException e) {
                failure = "GATEWAY_UNREACHABLE " + e.getClass().getSimpleName() + " after " + attempt + " attempts";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(false, "INTERRUPTED sending was interrupted");
            }
            if (attempt < attempts) {
                sleep(wait);
                wait *= 2;
            }
        }
        return new Outcome(false, failure);
    }

    static String sign(String body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
