package dev.strata.product;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;

import dev.strata.shared.ProductRisk;
import dev.strata.shared.RiskLevel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Suitability (适当性), the one rule every offer obeys (recommendations, campaigns, the RM's card): a product of risk Rn
 * only for a customer whose valid assessed tolerance is Cn or higher. An assessment older than
 * {@code strata.suitability.assessment-validity} (P12M) counts as none, and a customer without a valid one counts as
 * C1: R1 products only.
 */
@Component
public class Suitability {

    private final Period validity;
    private final Clock clock;
    private final ZoneId zone;
    private final ProductService products;

    Suitability(@Value("${strata.suitability.assessment-validity:P12M}") Period validity, Clock clock,
            @Value("${strata.time-zone:Asia/Shanghai}") ZoneId zone, ProductService products) {
        this.validity = validity;
        this.clock = clock;
        this.zone = zone;
        this.products = products;
    }

    /** Whether a catalogue product may be offered to a customer with this assessment; false for an unknown product. */
    public boolean mayOffer(String productCode, RiskLevel assessed, LocalDate assessedAt) {
        Product product = products.find(productCode);
        return product != null && of(assessed, assessedAt).allows(product.risk());
    }

    /** The tolerance that counts for a customer, and why, in words an RM can repeat. */
    public record Tolerance(RiskLevel level, boolean assessed, String basis) {

        /** Whether a product of this risk may be offered. */
        public boolean allows(ProductRisk risk) {
            return risk != null && level.ordinal() >= risk.ordinal();
        }
    }

    public Tolerance of(RiskLevel assessed, LocalDate assessedAt) {
        return of(assessed, assessedAt, LocalDate.ofInstant(clock.instant(), zone), validity);
    }

    /** The rule as a pure function, for tests and callers that judge as of another day. */
    public static Tolerance of(RiskLevel assessed, LocalDate assessedAt, LocalDate today, Period validity) {
        if (assessed == null || assessedAt == null) {
            return new Tolerance(RiskLevel.C1, false, "no risk assessment, so counted as C1: R1 products only");
        }
        if (assessedAt.plus(validity).isBefore(today) || assessedAt.plus(validity).isEqual(today)) {
            return new Tolerance(RiskLevel.C1, false, "risk assessment of " + assessedAt + " is older than " + validity
                    + " and no longer valid, so counted as C1: R1 products only");
        }
        return new Tolerance(assessed, true, "within assessed tolerance " + assessed + " (" + assessedAt + ")");
    }
}
