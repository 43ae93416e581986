package dev.strata.identity;

import java.time.Instant;
import java.util.List;

import dev.strata.customer.Customer;
import dev.strata.shared.CustomerSource;
import dev.strata.shared.LifecycleStage;
import dev.strata.shared.Tier;

/** The portrait of an anonymous visitor: a prospect known only by one channel identity, as its first contact places it. */
final class Prospects {

    private Prospects() {
    }

    static Customer of(String id, long seq, Customer.ChannelIdentity identity, Instant now) {
        return of(id, seq, identity, now, NewProspect.WALK_IN);
    }

    static Customer of(String id, long seq, Customer.ChannelIdentity identity, Instant now, NewProspect shape) {
        String name = shape.name() != null ? shape.name() : "访客 " + id.substring(Math.max(0, id.length() - 6));
        return new Customer(id, seq, null, name, null, null, shape.phone(), null, shape.source(), LifecycleStage.PROSPECT,
                null, null, shape.branchCode(), shape.managerCode(), null, null, shape.consents(), List.of(identity),
                List.of(), List.of(), Tier.ORDINARY, List.of(), null, null, List.of(), shape.recentEvents(), List.of(), null,
                0, null, null, now, now, null, null);
    }
}
