package dev.strata.product;

import dev.strata.shared.ProductRisk;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import dev.strata.shared.RiskLevel;
import dev.strata.shared.Tier;
import dev.strata.graphql.NodeEntity;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A product in the bank's catalogue, keyed by product code. */
@Document("products")
public record Product(@Id String code, String name, String type, ProductRisk risk, BigDecimal minAmount,
        List<Tier> targetTiers, Instant updatedAt) implements NodeEntity {

    public Product {
        targetTiers = targetTiers == null ? List.of() : targetTiers;
        minAmount = minAmount == null ? BigDecimal.ZERO : minAmount;
    }

    @Override
    public String id() {
        return code;
    }

    /** Suitability (适当性): only a customer assessed at or above the product's risk level may be offered it. */
    public boolean suits(RiskLevel tolerance) {
        return tolerance != null && risk != null && tolerance.ordinal() >= risk.ordinal();
    }
}
