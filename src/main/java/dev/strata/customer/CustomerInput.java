package dev.strata.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One row of {@code upsertCustomers}, as the core-banking feed sends it. */
public record CustomerInput(String externalRef, String name, String gender, LocalDate birthDate, String phone,
        String idNumber, CustomerSource source, RiskLevel riskLevel, LocalDate riskAssessedAt, String branchCode,
        String managerCode, BigDecimal aum, BigDecimal deposits, BigDecimal loans, BigDecimal monthlyAvgDailyDeposit,
        Boolean appRegistered, Instant lastLoginAt, List<ConsentInput> consents, List<IdentityInput> identities) {

    /** Consent to be contacted on a channel. */
    public record ConsentInput(Channel channel, boolean granted) {
    }

    /** An ID the customer has on a channel. */
    public record IdentityInput(Channel channel, String externalId) {
    }

    /** Input of {@code upsertCustomers}. */
    public record Batch(String idempotencyKey, List<CustomerInput> customers) {
    }
}
