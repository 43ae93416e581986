package dev.strata.identity;

import java.time.Instant;
import java.util.List;

import dev.strata.customer.Customer;
import dev.strata.shared.CustomerSource;
import dev.strata.shared.LifecycleStage;
import dev.strata.shared.Tier;

/** The portrait of an anonymous visitor: a walk-in prospect known only by one channel identity. */
final class Prospects {

    private Prospects() {
    }

    static Customer of(String id, long seq, Customer.ChannelIdentity identity, Instant now) {
        String name = "访客 " + id.substring(Math.max(0, id.length() - 6));
        return new Customer(id, seq, null, name, null, null, null, null, CustomerSource.WALK_IN, LifecycleStage.PROSPECT,
                null, null, null, null, null, null, List.of(), List.of(identity), List.of(), List.of(), Tier.ORDINARY,
                List.of(), null, null, List.of(), List.of(), List.of(), null, 0, null, null, now, now, null, null);
    }
}
