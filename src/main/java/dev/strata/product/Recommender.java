package dev.strata.product;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.strata.shared.Tier;

/**
 * Next-best products for a customer. Suitability is a hard filter, never a weight: a product above the
 * tolerance {@link Suitability} grants (C1 without a valid assessment) is not offered.
 */
public final class Recommender {

    private Recommender() {
    }

    /** A product worth offering, why, and how strongly (0–1). */
    public record Recommendation(Product product, String reason, double score) {
    }

    /** What the recommender needs to know of a customer. */
    public record Profile(Set<String> heldCodes, BigDecimal aum, Suitability.Tolerance tolerance, Tier tier) {
    }

    public static List<Recommendation> recommend(Profile customer, List<Product> catalogue, int limit) {
        Set<String> held = customer.heldCodes();
        Set<String> heldTypes = catalogue.stream().filter(p -> held.contains(p.code())).map(Product::type)
                .collect(Collectors.toSet());
        BigDecimal aum = customer.aum() == null ? BigDecimal.ZERO : customer.aum();
        return catalogue.stream()
                .filter(p -> !held.contains(p.code()))
                .filter(p -> customer.tolerance().allows(p.risk()))
                .filter(p -> p.targetTiers().isEmpty() || p.targetTiers().contains(customer.tier()))
                .filter(p -> aum.compareTo(p.minAmount()) >= 0)
                .map(p -> score(p, customer, heldTypes))
                .sorted(Comparator.comparingDouble(Recommendation::score).reversed()
                        .thenComparing(r -> r.product().code()))
                .limit(limit)
                .toList();
    }

    private static Recommendation score(Product product, Profile customer, Set<String> heldTypes) {
        boolean targeted = product.targetTiers().contains(customer.tier());
        boolean newType = product.type() != null && !heldTypes.contains(product.type());
        // Prefer products that use the customer's risk budget without reaching its edge.
        double riskFit = 1.0 - Math.abs(customer.tolerance().level().ordinal() - 1 - product.risk().ordinal()) / 4.0;
        double score = 0.4 * (targeted ? 1 : 0.5) + 0.3 * (newType ? 1 : 0) + 0.3 * riskFit;
        String reason = (targeted ? "designed for " + customer.tier() + " customers" : "open to every tier")
                + (newType ? "; adds a " + product.type() + " product they do not hold" : "")
                + "; risk " + product.risk() + " " + customer.tolerance().basis();
        return new Recommendation(product, reason, Math.round(score * 1000) / 1000.0);
    }
}
