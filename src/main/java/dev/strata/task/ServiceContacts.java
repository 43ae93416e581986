package dev.strata.task;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;

import dev.strata.customer.Customer;
import dev.strata.shared.Channel;
import dev.strata.touchpoint.TouchpointStatus;

/** What counts as a service contact (a call or visit that reached the customer), one rule for the nightly run and performance. */
public final class ServiceContacts {

    /** The channels an RM contacts a customer on in person. */
    public static final Set<Channel> HUMAN = Set.of(Channel.PHONE_CALL, Channel.BRANCH_VISIT);

    private ServiceContacts() {
    }

    /** Whether a recent touchpoint is a completed contact: a human channel, and not unanswered. */
    public static boolean completed(Channel channel, String status) {
        return HUMAN.contains(channel) && !TouchpointStatus.FAILED.name().equals(status);
    }

    /** The latest completed contact among a customer's recent touchpoints, or null. */
    public static Instant lastContact(Collection<Customer.RecentTouchpoint> recent) {
        Instant last = null;
        for (Customer.RecentTouchpoint t : recent) {
            if (completed(t.channel(), t.status()) && (last == null || t.at().isAfter(last))) {
                last = t.at();
            }
        }
        return last;
    }

    /** The latest completed contact in a stored customer document's {@code recentTouchpoints}, or null. */
    public static Instant lastContact(org.bson.Document customer) {
        Instant last = null;
        for (org.bson.Document t : customer.getList("recentTouchpoints", org.bson.Document.class, java.util.List.of())) {
            Object at = t.get("at");
            if (at instanceof java.util.Date date && completed(Channel.valueOf(t.getString("channel")), t.getString("status"))
                    && (last == null || date.toInstant().isAfter(last))) {
                last = date.toInstant();
            }
        }
        return last;
    }
}
