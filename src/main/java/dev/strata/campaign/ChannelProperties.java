package dev.strata.campaign;

import java.time.Duration;
import java.util.Map;

import dev.strata.shared.Channel;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where each channel's messages go: channels with a webhook (URL and shared secret) are POSTed to, the rest
 * written to the outbox. E.g. {@code strata.channels.webhooks.SMS.url=https://gateway/sms}.
 */
@ConfigurationProperties("strata.channels")
record ChannelProperties(Map<Channel, Webhook> webhooks, Integer attempts, Duration backoff, Duration timeout) {

    ChannelProperties {
        webhooks = webhooks == null ? Map.of() : webhooks;
        attempts = attempts == null ? 3 : attempts;
        backoff = backoff == null ? Duration.ofMillis(200) : backoff;
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
    }

    /** A channel gateway's URL and the secret its messages are signed with. */
    record Webhook(String url, String secret) {
    }
}
