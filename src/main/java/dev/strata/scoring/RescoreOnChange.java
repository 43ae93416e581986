package dev.strata.scoring;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.strata.customer.ProjectedCustomers;
import dev.strata.customer.CustomersChanged;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Rescores at once the customers any write touched (a feed batch, balance batch, event batch, merge, ...), before the
 * write's caller answers; scoring's own writes are skipped. A failure here never fails the write: the nightly run
 * catches up.
 */
@Component
class RescoreOnChange {

    private static final Logger log = LoggerFactory.getLogger(RescoreOnChange.class);

    private final ProjectedCustomers customers;
    private final Rescorer rescorer;

    RescoreOnChange(ProjectedCustomers customers, Rescorer rescorer) {
        this.customers = customers;
        this.rescorer = rescorer;
    }

    @EventListener
    void on(CustomersChanged changed) {
        if (Rescorer.writing()) {
            return;
        }
        try {
            List<Document> documents = new ArrayList<>(changed.created());
            Set<String> created = new HashSet<>();
            changed.created().forEach(d -> created.add(d.get("_id").toString()));
            List<String> read = changed.customerIds().stream().filter(id -> !created.contains(id)).toList();
            documents.addAll(customers.byIds(read, Facts.FIELDS));
            rescorer.rescore(documents);
        } catch (RuntimeException e) {
            log.warn("Rescoring {} changed customers failed; the nightly run will catch up", changed.customerIds().size(), e);
        }
    }
}
