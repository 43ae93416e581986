package dev.strata.campaign;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.strata.graphql.UserError;
import dev.strata.shared.Channel;

/** Inputs and payloads of the campaign operations. */
final class CampaignInputs {

    private CampaignInputs() {
    }

    record CreateCampaignInput(String name, String objective, List<String> segmentIds, String snapshotId,
            List<String> excludedSegmentIds, Double controlGroupPercent, Instant startAt, Instant endAt, GoalInput goal,
            List<ChannelCostInput> costPerContact, List<JourneyStepInput> journey, TriggerInput trigger) {
    }

    record UpdateCampaignInput(String id, String name, String objective, List<String> segmentIds, String snapshotId,
            List<String> excludedSegmentIds, Double controlGroupPercent, Instant startAt, Instant endAt, GoalInput goal,
            List<ChannelCostInput> costPerContact, List<JourneyStepInput> journey, TriggerInput trigger) {
    }

    record GoalInput(String eventType, Duration within) {
    }

    record ChannelCostInput(Channel channel, BigDecimal cost) {
    }

    record TriggerInput(String eventType, Channel channel, BigDecimal minAmount, Duration reentry) {
    }

    /** One step, exactly one field set (@oneOf); a class because a record component may not be called {@code wait}. */
    static final class JourneyStepInput {
        final SendStepInput send;
        final WaitStepInput waitStep;
        final WaitForResponseInput waitForResponse;
        final BranchOnChannelInput branchOnChannel;
        final LabelStepInput addLabel;
        final TaskStepInput assignTask;
        final MoveStepInput moveToCampaign;
        final ExitStepInput exit;

        JourneyStepInput(SendStepInput send, WaitStepInput wait, WaitForResponseInput waitForResponse,
                BranchOnChannelInput branchOnChannel, LabelStepInput addLabel, TaskStepInput assignTask,
                MoveStepInput moveToCampaign, ExitStepInput exit) {
            this.send = send;
            this.waitStep = wait;
            this.waitForResponse = waitForResponse;
            this.branchOnChannel = branchOnChannel;
            this.addLabel = addLabel;
            this.assignTask = assignTask;
            this.moveToCampaign = moveToCampaign;
            this.exit = exit;
        }
    }

    record SendStepInput(String key, Channel channel, Boolean preferredChannel, List<Channel> fallbackChannels,
            String template, List<JourneyStep.TemplateVariant> variants, String offerProductCode, String next) {
    }

    record WaitStepInput(String key, Duration duration, String next) {
    }

    record WaitForResponseInput(String key, ResponseKind kind, Duration within, String onYes, String onNo) {
    }

    record BranchOnChannelInput(String key, List<JourneyStep.ChannelCase> cases, String otherwise) {
    }

    record LabelStepInput(String key, String labelKey, String next) {
    }

    record TaskStepInput(String key, String title, Duration due, String next) {
    }

    record MoveStepInput(String key, String campaignId) {
    }

    record ExitStepInput(String key) {
    }

    record CampaignIdInput(String id) {
    }

    record RejectCampaignInput(String id, String reason) {
    }

    record AdvanceTestClockInput(Duration by) {
    }

    /** Payload of every campaign mutation. */
    record CampaignPayload(Campaign campaign, List<UserError> userErrors) {
        static CampaignPayload error(UserError error) {
            return new CampaignPayload(null, List.of(error));
        }

        static CampaignPayload errors(List<UserError> errors) {
            return new CampaignPayload(null, errors);
        }
    }

    record AdvanceTestClockPayload(Instant now, List<UserError> userErrors) {
    }
}
