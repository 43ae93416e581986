package dev.strata.customer;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.bson.Document;

/**
 * Published after any write to customer documents, so derived state (the audience index, scores) follows
 * the source of truth. Every write path publishes it, synchronously, before answering.
 *
 * @param customerIds customers changed in place: listeners re-read them
 * @param created documents of customers just inserted, exactly as written: nobody else knew them before
 *                the insert, so listeners may take them as they are instead of reading them back
 * @param fields  the document paths the in-place changes wrote (dotted, as in the update), or empty when the
 *                writer cannot say (a feed row replaces many): a listener whose fields none of them touch skips the re-read
 */
public record CustomersChanged(List<String> customerIds, List<Document> created, Set<String> fields) {

    /** Changes to fields the writer does not name: every listener takes them. */
    public static CustomersChanged of(Collection<String> customerIds) {
        return new CustomersChanged(List.copyOf(customerIds), List.of(), Set.of());
    }

    public static CustomersChanged of(Collection<String> changedIds, List<Document> created) {
        return new CustomersChanged(List.copyOf(changedIds), List.copyOf(created), Set.of());
    }

    static CustomersChanged of(Collection<String> changedIds, Set<String> fields) {
        return new CustomersChanged(List.copyOf(changedIds), List.of(), Set.copyOf(fields));
    }

    /**
     * Whether the in-place changes may have touched any of {@code listened} (top-level or dotted paths): true when the
     * writer named no fields, or when a written path equals, contains or lies inside a listened one.
     */
    public boolean touchesAny(Collection<String> listened) {
        if (fields.isEmpty()) {
            return true;
        }
        for (String written : fields) {
            for (String field : listened) {
                if (written.equals(field) || written.startsWith(field + ".") || field.startsWith(written + ".")) {
                    return true;
                }
            }
        }
        return false;
    }
}
