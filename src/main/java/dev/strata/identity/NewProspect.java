package dev.strata.identity;

import java.util.List;

import dev.strata.customer.Customer;
import dev.strata.shared.CustomerSource;

/**
 * How a prospect created for an unknown identity starts out, so its first contact is written in the one insert that
 * creates it (an RM's book, the details left, the first events on the portrait) rather than in updates after it.
 */
public record NewProspect(CustomerSource source, String managerCode, String branchCode, String name, String phone,
        List<Customer.Consent> consents, List<Customer.RecentEvent> recentEvents) {

    /** An anonymous walk-in nobody owns yet, with nothing known but the identity. */
    public static final NewProspect WALK_IN = new NewProspect(CustomerSource.WALK_IN, null, null, null, null, List.of(),
            List.of());

    public NewProspect {
        source = source == null ? CustomerSource.WALK_IN : source;
        consents = consents == null ? List.of() : List.copyOf(consents);
        recentEvents = recentEvents == null ? List.of() : List.copyOf(recentEvents);
    }
}
