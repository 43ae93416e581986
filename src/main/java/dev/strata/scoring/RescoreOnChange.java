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
 * write's caller answers; scoring's own writes, writes to fields scoring does not read and new customers already scored
 * on insert ({@link ScoreOnInsert}) are skipped. A failure here never fails the write: the nightly run catches up.
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
            List<Document> documents = new ArrayList<>();
            Set<String> created = new HashSet<>();
            for (Document document : changed.created()) {
                created.add(document.get("_id").toString());
                if (document.get("value") == null) {
                    documents.add(document);
                }
            }
            List<String> read = !changed.touchesAny(Facts.FIELDS) ? List.of()
                    : changed.customerIds().stream().filter(id -> !created.contains(id)).toList();
            documents.addAll(customers.byIds(read, Facts.FIELDS));
            rescorer.rescore(documents);
        } catch (RuntimeException e) {
            log.warn("Rescoring {} changed customers failed; the nightly run will catch up", changed.customerIds().size(), e);
        }
    }
}
