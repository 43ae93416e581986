package dev.strata.scoring;

import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;

import dev.strata.customer.Customer;
import dev.strata.customer.CustomersCaughtUp;
import dev.strata.customer.ProjectedCustomers;
import dev.strata.shared.Tier;
import org.bson.Document;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every customer's tier changes in memory, by seq, so {@code tierMigration} answers without reading customers: read
 * once from the store on first use, then kept by the scoring write path and, for other instances' changes, by the
 * audience catch-up. A customer without changes has always been
 * in their current tier (the audience index knows it). Each change is one long: epoch second, from, to.
 */
@Component
class TierTimeline {

    private final ProjectedCustomers customers;
    private final Map<Integer, long[]> changes = new ConcurrentHashMap<>();
    private volatile boolean loaded;

    TierTimeline(ProjectedCustomers customers) {
        this.customers = customers;
    }

    /** Appends a change this instance wrote (ignored until the timeline is loaded: the load reads it from the store). */
    void record(long seq, Customer.TierChange change) {
        synchronized (this) {
            if (loaded) {
                changes.merge((int) seq, new long[] {encode(change.at(), change.from(), change.to())}, TierTimeline::concat);
            }
        }
    }

    /**
     * Other instances' tier changes: the customers the audience catch-up re-read get their whole history re-read
     * (replacing what is known of them, so this instance's own entries are not counted twice).
     */
    @EventListener
    void onCaughtUp(CustomersCaughtUp caughtUp) {
        synchronized (this) {
            if (!loaded) {
                return;
            }
            for (Document customer : customers.byIds(caughtUp.customerIds(), List.of("seq", "tierHistory"))) {
                read(customer);
            }
        }
    }

    /** The seqs with any change, each with its tier at the two instants. */
    void forEachChanged(Instant first, Instant second, ChangedConsumer each) {
        load();
        changes.forEach((seq, entries) -> each.accept(seq, tierAt(entries, first), tierAt(entries, second)));
    }

    /** Whoever has a change, for the others to be counted from their current tier. */
    void forEachSeq(IntConsumer each) {
        load();
        changes.keySet().forEach(each::accept);
    }

    /** Receives one customer's tier at two instants. */
    interface ChangedConsumer {
        void accept(int seq, Tier first, Tier second);
    }

    static Tier tierAt(long[] entries, Instant at) {
        long second = at.getEpochSecond();
        Tier tier = Tier.values()[(int) (entries[0] >> 2 & 3)];
        for (long entry : entries) {
            if (entry >> 4 <= second) {
                tier = Tier.values()[(int) (entry & 3)];
            }
        }
        return tier;
    }

    private void load() {
        if (loaded) {
            return;
        }
        synchronized (this) {
            if (loaded) {
                return;
            }
            customers.streamLive(List.of("seq", "tierHistory"), this::read);
            loaded = true;
        }
    }

    @SuppressWarnings("unchecked")
    private void read(Document customer) {
        Object history = customer.get("tierHistory");
        if (!(history instanceof List<?> list) || list.isEmpty()) {
            changes.remove(((Number) customer.get("seq")).intValue());
            return;
        }
        long[] entries = new long[list.size()];
        int n = 0;
        for (Document change : (List<Document>) list) {
            Tier from = change.getString("from") == null ? Tier.ORDINARY : Tier.valueOf(change.getString("from"));
            entries[n++] = encode(((Date) change.get("at")).toInstant(), from, Tier.valueOf(change.getString("to")));
        }
        Arrays.sort(entries);
        changes.put(((Number) customer.get("seq")).intValue(), entries);
    }

    private static long encode(Instant at, Tier from, Tier to) {
        return at.getEpochSecond() << 4 | (long) (from == null ? 0 : from.ordinal()) << 2 | to.ordinal();
    }

    private static long[] concat(long[] a, long[] b) {
        long[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        Arrays.sort(joined);
        return joined;
    }
}
