package dev.strata.campaign;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

import dev.strata.shared.Channel;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Which sender each channel uses: its webhook when configured, else the outbox. */
@Component
class ChannelSenders {

    private final ChannelSender outbox;
    private final Map<Channel, ChannelSender> webhooks = new EnumMap<>(Channel.class);

    ChannelSenders(MongoTemplate mongo, Clock clock, ChannelProperties properties) {
        this.outbox = new OutboxSender(mongo, clock);
        properties.webhooks().forEach((channel, webhook) -> {
            if (webhook != null && webhook.url() != null && !webhook.url().isBlank()) {
                webhooks.put(channel, new WebhookSender(webhook, properties.attempts(), properties.backoff(),
                        properties.timeout()));
            }
        });
    }

    ChannelSender of(Channel channel) {
        return webhooks.getOrDefault(channel, outbox);
    }

    /** Tests plug a channel's sender in or out; null restores the configured one. */
    void use(Channel channel, ChannelSender sender) {
        if (sender == null) {
            webhooks.remove(channel);
        } else {
            webhooks.put(channel, sender);
        }
    }
}
