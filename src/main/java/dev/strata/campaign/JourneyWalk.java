package dev.strata.campaign;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.strata.campaign.JourneyStep.StepKind;
import dev.strata.customer.Customer;
import dev.strata.graphql.GlobalId;
import dev.strata.shared.Channel;
import dev.strata.task.TaskService;
import dev.strata.touchpoint.Touchpoint;
import dev.strata.touchpoint.TouchpointStatus;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Walks one enrollment from its current step until it must wait or leaves the journey, deciding every step's
 * effect into a {@link BatchWork}; sends go through {@link SendGuards}. Writes nothing itself.
 */
@Component
class JourneyWalk {

    static final int MAX_STEPS_PER_WALK = 60;
    /**
     * The customer fields a walk reads (templates, task owners, and {@link SendGuards}): a batch loads only these of
     * each portrait, whose recent events, balances and holdings would otherwise be most of what is read and mapped.
     */
    static final List<String> CUSTOMER_FIELDS = List.of("name", "managerCode", "consents", "preferredChannel", "riskLevel",
            "riskAssessedAt", "recentTouchpoints");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SendGuards guards;
    private final ChannelSenders senders;

    JourneyWalk(SendGuards guards, ChannelSenders senders) {
        this.guards = guards;
        this.senders = senders;
    }

    /** Names the templates may use, resolved once per batch. */
    record Names(Map<String, String> managerNames, Map<String, String> productNames) {
    }

    void walk(Enrollment e, Campaign campaign, Customer customer, Names names, BatchWork work) {
        long seq = e.stepSeq();
        String key = e.stepKey();
        java.time.Instant waitUntil = e.waitUntil();
        int rank = e.responseRank();
        Channel answered = e.answeredChannel();
        boolean reset = false;
        for (int hop = 0; hop < MAX_STEPS_PER_WALK; hop++) {
            JourneyStep step = key == null ? null : campaign.step(key);
            if (step == null) {
                work.end(e, seq + 1, state(reset, null, answered));
                return;
            }
            String dedupKey = e.id() + "|" + seq;
            seq++;
            switch (step.kind()) {
                case SEND -> {
                    SendGuards.Verdict verdict = guards.check(step, customer, work.now, work.contactsFor(customer.id()));
                    if (verdict instanceof SendGuards.Defer defer) {
                        work.schedule(e, key, seq, defer.until(), Enrollment.State.ACTIVE, state(reset, null, answered));
                        return;
                    }
                    send(e, campaign, step, customer, names, verdict, dedupKey, work);
                    key = campaign.following(step);
                }
                case WAIT -> {
                    String following = campaign.following(step);
                    if (following == null) {
                        work.end(e, seq, state(reset, null, answered));
                    } else {
                        work.schedule(e, following, seq, work.now.plus(step.duration()), Enrollment.State.ACTIVE,
                                state(reset, null, answered));
                    }
                    return;
                }
                case WAIT_FOR_RESPONSE -> {
                    if (waitUntil == null) {
                        waitUntil = work.now.plus(step.within());
                    }
                    boolean yes = rank >= StatsCounters.rank(step.responseKind().status());
                    if (!yes && work.now.isBefore(waitUntil)) {
                        work.schedule(e, key, seq, waitUntil, Enrollment.State.WAITING_RESPONSE,
                                state(reset, waitUntil, answered));
                        return;
                    }
                    answered = yes ? e.responseChannel() : null;
                    rank = 0;
                    waitUntil = null;
                    reset = true;
                    key = yes ? step.onYes() : step.onNo();
                }
                case BRANCH_ON_CHANNEL -> {
                    Channel channel = answered != null ? answered : e.responseChannel();
                    key = step.cases().stream().filter(c -> c.channel() == channel).map(JourneyStep.ChannelCase::next)
                            .findFirst().orElse(step.otherwise());
                }
                case ADD_LABEL -> {
                    work.label(step.labelKey(), customer.id());
                    key = campaign.following(step);
                }
                case ASSIGN_TASK -> {
                    work.tasks.add(new TaskService.NewTask(dedupKey, customer.id(), customer.managerCode(), step.title(),
                            campaign.id(), step.key(), work.now.plus(step.due()), null));
                    key = campaign.following(step);
                }
                case MOVE_TO_CAMPAIGN -> {
                    work.move(GlobalId.localIdOrNull(step.campaignId(), "Campaign"), customer.id());
                    work.end(e, seq, state(reset, null, answered));
                    return;
                }
                case EXIT -> {
                    work.end(e, seq, state(reset, null, answered));
                    return;
                }
            }
        }
        work.end(e, seq, state(reset, null, answered));
    }

    /** The response fields to store: cleared when a wait for a response was left. */
    private static Update state(boolean reset, java.time.Instant waitUntil, Channel answered) {
        Update update = new Update();
        if (reset) {
            update.set("responseRank", 0).unset("responseChannel");
        }
        if (answered != null) {
            update.set("answeredChannel", answered);
        }
        if (waitUntil != null) {
            update.set("waitUntil", waitUntil);
        }
        return update;
    }

    private void send(Enrollment e, Campaign campaign, JourneyStep step, Customer customer, Names names,
            SendGuards.Verdict verdict, String dedupKey, BatchWork work) {
        String id = new ObjectId().toHexString();
        JourneyStep.TemplateVariant variant = variant(campaign.id(), customer.id(), step);
        String variantKey = variant == null ? null : variant.key();
        if (verdict instanceof SendGuards.Suppress suppress) {
            work.send(Touchpoint.ofSend(id, customer.id(), campaign.id(), e.id(), step.key(), variantKey, suppress.channel(),
                    TouchpointStatus.SUPPRESSED, suppress.reason(), null, dedupKey, work.now), null);
            return;
        }
        Channel channel = ((SendGuards.Send) verdict).channel();
        String token = token();
        String text = render(variant == null ? step.template() : variant.template(), customer, names, step);
        TouchpointStatus status = senders.of(channel).idempotent() ? TouchpointStatus.SENT : TouchpointStatus.PLANNED;
        work.send(Touchpoint.ofSend(id, customer.id(), campaign.id(), e.id(), step.key(), variantKey, channel, status, null,
                token, dedupKey, work.now), new ChannelSender.OutboundMessage(id, dedupKey, customer.id(), campaign.id(),
                step.key(), variantKey, channel, text, token));
        work.contacted(customer.id());
    }

    /** A stable split: the same customer gets the same variant of a step every time. */
    static JourneyStep.TemplateVariant variant(String campaignId, String customerId, JourneyStep step) {
        if (step.variants() == null || step.variants().isEmpty()) {
            return null;
        }
        int point = Math.floorMod((campaignId + "/" + customerId + "/" + step.key()).hashCode() * 0x9E3779B1, 100);
        int upTo = 0;
        for (JourneyStep.TemplateVariant variant : step.variants()) {
            upTo += variant.percent();
            if (point < upTo) {
                return variant;
            }
        }
        return step.variants().get(step.variants().size() - 1);
    }

    static String render(String template, Customer customer, Names names, JourneyStep step) {
        String rm = customer.managerCode() == null ? "" : names.managerNames().getOrDefault(customer.managerCode(), "");
        String product = step.offerProductCode() == null ? ""
                : names.productNames().getOrDefault(step.offerProductCode(), step.offerProductCode());
        return template.replace("{name}", customer.name() == null ? "" : customer.name()).replace("{rmName}", rm)
                .replace("{product}", product);
    }

    private static String token() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
