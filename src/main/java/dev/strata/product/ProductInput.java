package dev.strata.product;

import dev.strata.shared.ProductRisk;
import java.math.BigDecimal;
import java.util.List;

import dev.strata.shared.Tier;

/** A catalogue row of {@code upsertProducts}. */
record ProductInput(String code, String name, String type, ProductRisk risk, BigDecimal minAmount, List<Tier> targetTiers) {

    /** Input of {@code upsertProducts}. */
    record Batch(List<ProductInput> products) {
    }
}
