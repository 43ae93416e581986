package dev.strata.campaign;

import java.time.Duration;
import java.util.List;

import dev.strata.shared.Channel;

/** One step of a journey, stored flat: which fields mean something depends on {@code kind}. */
public record JourneyStep(String key, StepKind kind, String next, Channel channel, Boolean preferredChannel,
        List<Channel> fallbackChannels, String template, List<TemplateVariant> variants, String offerProductCode,
        Duration duration, ResponseKind responseKind, Duration within, String onYes, String onNo,
        List<ChannelCase> cases, String otherwise, String labelKey, String title, Duration due, String campaignId) {

    /** What a step does. */
    public enum StepKind { SEND, WAIT, WAIT_FOR_RESPONSE, BRANCH_ON_CHANNEL, ADD_LABEL, ASSIGN_TASK, MOVE_TO_CAMPAIGN, EXIT }

    /** One A/B variant of a send's template and the share of customers who get it. */
    public record TemplateVariant(String key, String template, int percent) {
    }

    /** Where a branch on the answering channel goes for one channel. */
    public record ChannelCase(Channel channel, String next) {
    }

    /** The keys this step may go to (its successors in the journey graph, "following" excluded). */
    public List<String> targets() {
        return switch (kind) {
            case WAIT_FOR_RESPONSE -> List.of(onYes, onNo);
            case BRANCH_ON_CHANNEL -> java.util.stream.Stream.concat(cases.stream().map(ChannelCase::next),
                    java.util.stream.Stream.of(otherwise)).toList();
            default -> next == null ? List.of() : List.of(next);
        };
    }

    /** Whether the journey goes on to the following step in the list when {@code next} is absent. */
    public boolean fallsThrough() {
        return next == null && switch (kind) {
            case SEND, WAIT, ADD_LABEL, ASSIGN_TASK -> true;
            default -> false;
        };
    }
}
