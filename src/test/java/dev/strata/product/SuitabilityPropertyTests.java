package dev.strata.product;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import dev.strata.shared.ProductRisk;
import dev.strata.shared.RiskLevel;
import dev.strata.shared.Tier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** No recommendation for any generated customer breaks suitability, expired and missing assessments included. */
class SuitabilityPropertyTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private static final Period VALIDITY = Period.ofMonths(12);

    @Test
    void noRecommendationExceedsTheToleranceThatCounts() {
        Random random = new Random(42);
        int expiredSeen = 0;
        int noneSeen = 0;
        for (int i = 0; i < 20_000; i++) {
            List<Product> catalogue = catalogue(random);
            RiskLevel assessed = random.nextInt(6) == 0 ? null : RiskLevel.values()[random.nextInt(5)];
            LocalDate assessedAt = random.nextInt(8) == 0 ? null : TODAY.minusDays(random.nextInt(3 * 365));
            Suitability.Tolerance tolerance = Suitability.of(assessed, assessedAt, TODAY, VALIDITY);
            boolean valid = assessed != null && assessedAt != null && assessedAt.plus(VALIDITY).isAfter(TODAY);
            expiredSeen += assessed != null && assessedAt != null && !valid ? 1 : 0;
            noneSeen += assessed == null || assessedAt == null ? 1 : 0;
            Set<String> held = new HashSet<>();
            catalogue.stream().filter(p -> random.nextInt(4) == 0).forEach(p -> held.add(p.code()));
            var profile = new Recommender.Profile(held, BigDecimal.valueOf(random.nextInt(2_000_000)), tolerance,
                    Tier.values()[random.nextInt(4)]);
            for (Recommender.Recommendation r : Recommender.recommend(profile, catalogue, 1 + random.nextInt(20))) {
                int allowed = valid ? assessed.ordinal() : RiskLevel.C1.ordinal();
                assertThat(r.product().risk().ordinal()).as("customer %d offered %s", i, r.product()).isLessThanOrEqualTo(allowed);
                if (!valid) {
                    assertThat(r.product().risk()).isEqualTo(ProductRisk.R1);
                    assertThat(r.reason()).contains("R1 products only");
                }
            }
        }
        assertThat(expiredSeen).isGreaterThan(1000);
        assertThat(noneSeen).isGreaterThan(1000);
    }

    @Test
    void anAssessmentIsValidForTwelveMonthsToTheDay() {
        assertThat(Suitability.of(RiskLevel.C4, TODAY.minusMonths(12).plusDays(1), TODAY, VALIDITY).level()).isEqualTo(RiskLevel.C4);
        Suitability.Tolerance expired = Suitability.of(RiskLevel.C4, TODAY.minusMonths(12), TODAY, VALIDITY);
        assertThat(expired.level()).isEqualTo(RiskLevel.C1);
        assertThat(expired.basis()).contains("no longer valid").contains("R1 products only");
        assertThat(Suitability.of(null, null, TODAY, VALIDITY).basis()).isEqualTo("no risk assessment, so counted as C1: R1 products only");
    }

    private static List<Product> catalogue(Random random) {
        List<Product> products = new ArrayList<>();
        String[] types = {"DEPOSIT", "WEALTH", "FUND", "INSURANCE", "LOAN"};
        for (int i = 0; i < 3 + random.nextInt(15); i++) {
            List<Tier> tiers = random.nextBoolean() ? List.of() : List.of(Tier.values()[random.nextInt(4)]);
            products.add(new Product("P" + i, "product " + i, types[random.nextInt(types.length)],
                    ProductRisk.values()[random.nextInt(5)], BigDecimal.valueOf(random.nextInt(3) * 50_000L), tiers, null));
        }
        return products;
    }
}
