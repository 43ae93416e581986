package dev.strata.customer;

import dev.strata.shared.Channel;
import dev.strata.shared.CustomerSource;
import dev.strata.shared.RiskLevel;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One row of {@code upsertCustomers}, as the core-banking feed sends it. */
public record CustomerInput(String externalRef, String name, String gender, LocalDate birthDate, String phone,
        String idNumber, String source, String riskLevel, LocalDate riskAssessedAt, String branchCode,
        String managerCode, BigDecimal aum, BigDecimal deposits, BigDecimal loans, BigDecimal monthlyAvgDailyDeposit,
        Boolean appRegistered, Instant lastLoginAt, List<ConsentInput> consents, List<IdentityInput> identities,
        List<HeldProductInput> products, BigDecimal annualFeeIncome, BigDecimal acquisitionCost,
        BigDecimal maintenanceCost) {

    /**
     * Enumerated values arrive as strings so that an unknown value is one row's error, not a refusal
     * of the whole batch by GraphQL's input coercion.
     */
    CustomerSource sourceValue() {
        return source == null ? null : CustomerSource.valueOf(source);
    }

    RiskLevel riskLevelValue() {
        return riskLevel == null ? null : RiskLevel.valueOf(riskLevel);
    }

    /** Consent to be contacted on a channel (a Channel name, checked per row). */
    public record ConsentInput(String channel, boolean granted) {
    }

    /** A product the customer holds, by catalogue code. */
    public record HeldProductInput(String code, LocalDate openedAt, BigDecimal balance) {
    }

    /** An ID the customer has on a channel. */
    public record IdentityInput(Channel channel, String externalId) {
    }

    /** Input of {@code upsertCustomers}. */
    public record Batch(String idempotencyKey, List<CustomerInput> customers) {
    }
}
