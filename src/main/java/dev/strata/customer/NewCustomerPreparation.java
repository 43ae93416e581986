package dev.strata.customer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

import org.bson.Document;

/**
 * A feature that derives fields of new customers from their own documents before they are inserted (scoring: tier,
 * value, lifecycle), so a new customer is written once instead of stored and then rewritten.
 */
public interface NewCustomerPreparation {

    /**
     * Fills in, in place, what this feature derives from the documents about to be inserted, and returns what it does
     * once they are stored, given the documents the store took (a duplicate it refused is not among them).
     */
    Consumer<List<Document>> prepare(List<Document> documents);

    /**
     * Shows events on a new customer's portrait before it is stored, as recording them later would: the newest
     * {@value Customer.RecentEvent#KEPT} of what the document carries and these, newest first.
     */
    static void showEvents(Document newCustomer, List<Customer.RecentEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        List<Document> recent = new ArrayList<>();
        if (newCustomer.get("recentEvents") instanceof List<?> carried) {
            carried.forEach(entry -> recent.add((Document) entry));
        }
        events.forEach(event -> recent.add(CustomerDocuments.recentEvent(event)));
        recent.sort(Comparator.comparing((Document entry) -> (Date) entry.get("occurredAt")).reversed());
        newCustomer.put("recentEvents", new ArrayList<>(recent.subList(0, Math.min(Customer.RecentEvent.KEPT, recent.size()))));
    }
}
