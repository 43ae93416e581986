package dev.strata.customer;

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
}
