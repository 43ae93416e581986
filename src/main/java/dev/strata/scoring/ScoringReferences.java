package dev.strata.scoring;

import dev.strata.label.Label;
import dev.strata.label.LabelCategory;
import dev.strata.label.LabelService;
import dev.strata.product.ProductService;
import org.springframework.stereotype.Component;

/** What scoring reads besides customers, cached: the product catalogue (a minute) and the churn label (for good). */
@Component
class ScoringReferences {

    private static final long CATALOGUE_NANOS = 60_000_000_000L;

    private final ProductService products;
    private final LabelService labelService;
    private volatile Catalogue catalogue;
    private volatile long catalogueAt;
    private volatile Label churnLabel;

    ScoringReferences(ProductService products, LabelService labelService) {
        this.products = products;
        this.labelService = labelService;
    }

    /** The catalogue, re-read at most once a minute. */
    Catalogue catalogue() {
        Catalogue known = catalogue;
        if (known == null || System.nanoTime() - catalogueAt > CATALOGUE_NANOS) {
            known = Catalogue.of(products.all());
            catalogue = known;
            catalogueAt = System.nanoTime();
        }
        return known;
    }

    /** The SYSTEM label {@code high-churn-risk}, created on first use. */
    Label churnLabel() {
        Label label = churnLabel;
        if (label == null) {
            label = labelService.systemLabel(ScoringEvents.CHURN_LABEL, "High churn risk",
                    "Churn risk at or above the scoring model's threshold; maintained by scoring", LabelCategory.RISK);
            churnLabel = label;
        }
        return label;
    }
}
