package dev.strata.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.strata.customer.Customer;
import dev.strata.product.OfferSuitability;
import dev.strata.shared.Channel;
import org.springframework.stereotype.Component;

/**
 * The one place every send passes before it goes out: consent for the channel (with the learned preferred
 * channel and fallbacks), suitability of the offered product, quiet hours (a deferral) and the frequency cap
 * across all campaigns and RM contacts. The control group never reaches here: it gets no sends at all.
 */
@Component
class SendGuards {

    static final String NO_CONSENT = "NO_CONSENT";
    static final String UNSUITABLE = "UNSUITABLE";
    static final String FREQUENCY_CAP = "FREQUENCY_CAP";
    private static final Set<String> NOT_CONTACTS = Set.of("SUPPRESSED", "FAILED");

    private final ContactPolicyService policies;
    private final OfferSuitability suitability;

    SendGuards(ContactPolicyService policies, OfferSuitability suitability) {
        this.policies = policies;
        this.suitability = suitability;
    }

    /** What happens to one send. */
    sealed interface Verdict permits Send, Suppress, Defer {
    }

    /** Send on this channel. */
    record Send(Channel channel) implements Verdict {
    }

    /** Do not send; a SUPPRESSED touchpoint with this reason (a code, then words). */
    record Suppress(Channel channel, String reason) implements Verdict {
    }

    /** Not now: try the step again at {@code until} (quiet hours). */
    record Defer(Instant until) implements Verdict {
    }

    /** {@code contactsInBatch}: contacts this customer got earlier in the same batch, not yet on the portrait. */
    Verdict check(JourneyStep step, Customer customer, Instant now, int contactsInBatch) {
        ContactPolicy policy = policies.current();
        List<Channel> candidates = candidates(step, customer);
        Channel channel = candidates.stream().filter(c -> consents(customer, c)).findFirst().orElse(null);
        if (channel == null) {
            return new Suppress(candidates.get(0), NO_CONSENT + " no consent for " + candidates);
        }
        if (step.offerProductCode() != null
                && !suitability.mayOffer(step.offerProductCode(), customer.riskLevel(), customer.riskAssessedAt())) {
            return new Suppress(channel, UNSUITABLE + " product " + step.offerProductCode()
                    + " is above the customer's valid risk tolerance");
        }
        Instant quietUntil = policy.quietUntil(now);
        if (quietUntil != null) {
            return new Defer(quietUntil);
        }
        Instant since = now.minus(Duration.ofDays(policy.perDays()));
        long recent = customer.recentTouchpoints().stream()
                .filter(t -> t.at() != null && t.at().isAfter(since) && !NOT_CONTACTS.contains(t.status())).count();
        if (recent + contactsInBatch >= policy.maxContacts()) {
            return new Suppress(channel, FREQUENCY_CAP + " " + policy.maxContacts() + " contacts in " + policy.perDays()
                    + " days reached");
        }
        return new Send(channel);
    }

    /** The learned preferred channel first (when the step asks for it), then the step's channel, then its fallbacks. */
    static List<Channel> candidates(JourneyStep step, Customer customer) {
        List<Channel> channels = new ArrayList<>();
        if (Boolean.TRUE.equals(step.preferredChannel()) && customer.preferredChannel() != null) {
            channels.add(customer.preferredChannel());
        }
        if (!channels.contains(step.channel())) {
            channels.add(step.channel());
        }
        if (step.fallbackChannels() != null) {
            step.fallbackChannels().stream().filter(c -> !channels.contains(c)).forEach(channels::add);
        }
        return channels;
    }

    static boolean consents(Customer customer, Channel channel) {
        return customer.consents().stream().anyMatch(c -> c.channel() == channel && c.granted());
    }
}
