package dev.strata.product;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import dev.strata.shared.RiskLevel;
import org.springframework.stereotype.Component;

/**
 * Whether a product may be offered to a customer (适当性), for campaign sends. Until {@code product.Suitability}
 * lands this holds the rule: a valid assessment (at most 12 months old) at or above the product's risk level;
 * without one the customer counts as C1. Merge into {@code Suitability} and keep this method delegating.
 */
@Component
public class OfferSuitability {

    private final ProductService products;
    private final Clock clock;

    OfferSuitability(ProductService products, Clock clock) {
        this.products = products;
        this.clock = clock;
    }

    /** False for an unknown product, and for any product above the customer's valid tolerance. */
    public boolean mayOffer(String productCode, RiskLevel riskLevel, LocalDate assessedAt) {
        Product product = products.find(productCode);
        if (product == null) {
            return false;
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        boolean valid = riskLevel != null && assessedAt != null && !assessedAt.isBefore(today.minusMonths(12));
        return product.suits(valid ? riskLevel : RiskLevel.C1);
    }
}
