package dev.strata.customer;

import java.util.Collection;
import java.util.List;

import org.bson.Document;

/**
 * Published after any write to customer documents, so derived state (the audience index) follows
 * the source of truth. Every write path publishes it, synchronously, before answering.
 *
 * @param customerIds customers changed in place: listeners re-read them
 * @param created documents of customers just inserted, exactly as written: nobody else knew them before
 *                the insert, so listeners may take them as they are instead of reading them back
 */
public record CustomersChanged(List<String> customerIds, List<Document> created) {

    public static CustomersChanged of(Collection<String> customerIds) {
        return new CustomersChanged(List.copyOf(customerIds), List.of());
    }

    public static CustomersChanged of(Collection<String> changedIds, List<Document> created) {
        return new CustomersChanged(List.copyOf(changedIds), List.copyOf(created));
    }
}
