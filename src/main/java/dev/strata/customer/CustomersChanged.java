package dev.strata.customer;

import java.util.Collection;
import java.util.List;

/**
 * Published after any write to customer documents, so derived state (the audience index) follows
 * the source of truth. Every write path publishes it, synchronously, before answering.
 */
public record CustomersChanged(List<String> customerIds) {

    public static CustomersChanged of(Collection<String> customerIds) {
        return new CustomersChanged(List.copyOf(customerIds));
    }
}
