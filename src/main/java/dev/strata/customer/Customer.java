package dev.strata.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.strata.graphql.NodeEntity;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A customer portrait, the source of truth for everything Strata knows about one person. Bounded
 * lists (labels, consents, identities) are embedded so a portrait is one read.
 */
@Document("customers")
public record Customer(
        @Id String id,
        @Indexed(unique = true) long seq,
        @Indexed(unique = true, sparse = true) String externalRef,
        String name,
        String gender,
        LocalDate birthDate,
        String phone,
        String idNumber,
        CustomerSource source,
        LifecycleStage lifecycleStage,
        RiskLevel riskLevel,
        LocalDate riskAssessedAt,
        String branchCode,
        String managerCode,
        AssetSummary assets,
        DigitalEngagement digital,
        List<Consent> consents,
        List<ChannelIdentity> identities,
        List<AppliedLabel> labels,
        Tier tier,
        String contentHash,
        Instant createdAt,
        Instant updatedAt) implements NodeEntity {

    public Customer {
        assets = assets == null ? AssetSummary.EMPTY : assets;
        digital = digital == null ? DigitalEngagement.NONE : digital;
        consents = consents == null ? List.of() : consents;
        identities = identities == null ? List.of() : identities;
        labels = labels == null ? List.of() : labels;
        tier = tier == null ? Tier.ORDINARY : tier;
        lifecycleStage = lifecycleStage == null ? LifecycleStage.NEW : lifecycleStage;
        source = source == null ? CustomerSource.EXISTING : source;
    }

    /** Balances in CNY as reported by core banking. */
    public record AssetSummary(BigDecimal aum, BigDecimal deposits, BigDecimal monthlyAvgDailyDeposit, BigDecimal loans) {
        static final AssetSummary EMPTY = new AssetSummary(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** Use of the bank's digital channels. */
    public record DigitalEngagement(boolean appRegistered, boolean miniProgramBound, Instant lastLoginAt) {
        static final DigitalEngagement NONE = new DigitalEngagement(false, false, null);
    }

    /** Whether the customer agreed to be contacted on a channel. */
    public record Consent(Channel channel, boolean granted, Instant updatedAt) {
    }

    /** The customer's ID on a channel (WeChat openid, app user ID, ...). */
    public record ChannelIdentity(Channel channel, String externalId) {
    }

    /** A label on this customer: which, since when, and who put it there. */
    public record AppliedLabel(String labelId, String key, Instant appliedAt, String source) {
    }
}
