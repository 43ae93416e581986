package dev.strata.campaign;

import dev.strata.campaign.JourneyStep.StepKind;

/** Maps the one-of step inputs to the flat stored step. */
final class JourneySteps {

    private JourneySteps() {
    }

    /** The step an input describes, or null when it names no kind. */
    static JourneyStep of(CampaignInputs.JourneyStepInput in) {
        if (in == null) {
            return null;
        }
        if (in.send != null) {
            var s = in.send;
            return new JourneyStep(s.key(), StepKind.SEND, s.next(), s.channel(), s.preferredChannel(),
                    s.fallbackChannels(), s.template(), s.variants(), s.offerProductCode(), null, null, null, null, null,
                    null, null, null, null, null, null);
        }
        if (in.waitStep != null) {
            var s = in.waitStep;
            return step(s.key(), StepKind.WAIT, s.next(), s.duration(), null, null, null, null, null, null, null, null, null);
        }
        if (in.waitForResponse != null) {
            var s = in.waitForResponse;
            return step(s.key(), StepKind.WAIT_FOR_RESPONSE, null, null, s.kind(), s.within(), s.onYes(), s.onNo(), null,
                    null, null, null, null);
        }
        if (in.branchOnChannel != null) {
            var s = in.branchOnChannel;
            return step(s.key(), StepKind.BRANCH_ON_CHANNEL, null, null, null, null, null, null, s.cases(), s.otherwise(),
                    null, null, null);
        }
        if (in.addLabel != null) {
            var s = in.addLabel;
            return step(s.key(), StepKind.ADD_LABEL, s.next(), null, null, null, null, null, null, null, s.labelKey(), null,
                    null);
        }
        if (in.assignTask != null) {
            var s = in.assignTask;
            return new JourneyStep(s.key(), StepKind.ASSIGN_TASK, s.next(), null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, s.title(), s.due(), null);
        }
        if (in.moveToCampaign != null) {
            var s = in.moveToCampaign;
            return new JourneyStep(s.key(), StepKind.MOVE_TO_CAMPAIGN, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, s.campaignId());
        }
        if (in.exit != null) {
            return step(in.exit.key(), StepKind.EXIT, null, null, null, null, null, null, null, null, null, null, null);
        }
        return null;
    }

    private static JourneyStep step(String key, StepKind kind, String next, java.time.Duration duration,
            ResponseKind responseKind, java.time.Duration within, String onYes, String onNo,
            java.util.List<JourneyStep.ChannelCase> cases, String otherwise, String labelKey, String title,
            java.time.Duration due) {
        return new JourneyStep(key, kind, next, null, null, null, null, null, null, duration, responseKind, within, onYes,
                onNo, cases, otherwise, labelKey, title, due, null);
    }

    static boolean validText(String text, int max) {
        return text != null && !text.isBlank() && text.length() <= max;
    }
}
