package dev.strata.campaign;

import java.util.List;

import dev.strata.shared.Channel;

/** The one interface a channel's delivery sits behind (outbox by default, a bank's gateway by webhook). */
interface ChannelSender {

    /** One message to deliver; {@code dedupKey} is the same on every retry of the same step. */
    record OutboundMessage(String touchpointId, String dedupKey, String customerId, String campaignId, String stepKey,
            String variant, Channel channel, String text, String trackingToken) {
    }

    /** Whether a message went out, and why not. */
    record Outcome(boolean sent, String failure) {
        static final Outcome SENT = new Outcome(true, null);
    }

    /**
     * Whether sending twice with the same dedup key delivers once: such a sender is called before the
     * touchpoint is stored, and the touchpoint is stored as SENT.
     */
    boolean idempotent();

    /** Sends the messages; one outcome per message, in order. */
    List<Outcome> send(List<OutboundMessage> messages);
}
