package dev.strata.customer;

import dev.strata.shared.Channel;
import dev.strata.shared.CustomerSource;
import dev.strata.shared.LifecycleStage;
import dev.strata.shared.RiskLevel;
import dev.strata.shared.Tier;
import dev.strata.shared.ValueQuadrant;
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
        List<HeldProduct> products,
        Tier tier,
        List<TierChange> tierHistory,
        CustomerValue value,
        Channel preferredChannel,
        List<MonthlyBalance> balanceMonths,
        List<RecentEvent> recentEvents,
        List<RecentTouchpoint> recentTouchpoints,
        String referredBy,
        int referralCount,
        String mergedInto,
        String contentHash,
        Instant createdAt,
        @Indexed Instant updatedAt,
        Economics economics,
        ScoringState scoring) implements NodeEntity {

    public Customer {
        assets = assets == null ? AssetSummary.EMPTY : assets;
        digital = digital == null ? DigitalEngagement.NONE : digital;
        consents = consents == null ? List.of() : consents;
        identities = identities == null ? List.of() : identities;
        labels = labels == null ? List.of() : labels;
        products = products == null ? List.of() : products;
        tier = tier == null ? Tier.ORDINARY : tier;
        tierHistory = tierHistory == null ? List.of() : tierHistory;
        value = value == null ? CustomerValue.UNSCORED : value;
        balanceMonths = balanceMonths == null ? List.of() : balanceMonths;
        recentEvents = recentEvents == null ? List.of() : recentEvents;
        recentTouchpoints = recentTouchpoints == null ? List.of() : recentTouchpoints;
        lifecycleStage = lifecycleStage == null ? LifecycleStage.NEW : lifecycleStage;
        source = source == null ? CustomerSource.EXISTING : source;
        economics = economics == null ? Economics.NONE : economics;
        scoring = scoring == null ? ScoringState.NONE : scoring;
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

    /** A product the customer holds, by catalogue code. */
    public record HeldProduct(String code, LocalDate openedAt, BigDecimal balance) {
    }

    /** A move between value tiers and why (upgrade, downgrade after retention, manual). */
    public record TierChange(Tier from, Tier to, Instant at, String reason) {
    }

    /**
     * The scorecard's verdict; all null until the customer is first scored.
     *
     * @param modelVersion the scoring model version that produced these values
     */
    public record CustomerValue(Double currentValue, Double potentialValue, Double lifetimeValue, Double churnRisk,
            ValueQuadrant quadrant, Instant scoredAt, Integer modelVersion) {
        public static final CustomerValue UNSCORED = new CustomerValue(null, null, null, null, null, null, null);
    }

    /** What the customer earns and costs the bank a year, as core banking reports it (CNY); null when not reported. */
    public record Economics(BigDecimal annualFeeIncome, BigDecimal acquisitionCost, BigDecimal maintenanceCost) {
        public static final Economics NONE = new Economics(null, null, null);
    }

    /**
     * What the scoring keeps between runs: the monthly average daily deposit it judged per month (only months whose
     * figure differs from the month before; the last 24), and the most products the customer has held.
     */
    public record ScoringState(List<DepositMonth> depositMonths, Integer peakProducts) {
        public static final ScoringState NONE = new ScoringState(null, null);
    }

    /** The monthly average daily deposit the tier rule saw for one calendar month ("2026-10"). */
    public record DepositMonth(String month, BigDecimal avgDailyDeposit) {
    }

    /** Average daily balances of one calendar month ("2026-10"); the last 24 months live on the customer. */
    public record MonthlyBalance(String month, BigDecimal avgDailyDeposit, BigDecimal avgDailyAum) {
    }

    /** One of the customer's latest events (the last 20 live on the customer, newest first). */
    public record RecentEvent(String eventId, String type, Channel channel, Instant occurredAt) {

        /** How many of their latest events a portrait carries. */
        public static final int KEPT = 20;
    }

    /** One of the customer's latest touchpoints (the last 20 live on the customer, newest first). */
    public record RecentTouchpoint(String touchpointId, Channel channel, String status, String campaignId, Instant at) {
    }

    /**
     * A document is identified by its ID: batch mappings key maps by customer, and hashing every embedded
     * list of a page of portraits on each lookup would cost more than the lookup.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Customer customer && id.equals(customer.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    /** This portrait with the scoring's verdict (for portraits built before they are stored, such as demo data). */
    public Customer withScoring(Tier tier, List<TierChange> tierHistory, CustomerValue value, LifecycleStage lifecycleStage,
            ScoringState scoring, List<AppliedLabel> labels) {
        return new Customer(id, seq, externalRef, name, gender, birthDate, phone, idNumber, source, lifecycleStage, riskLevel,
                riskAssessedAt, branchCode, managerCode, assets, digital, consents, identities, labels, products, tier,
                tierHistory, value, preferredChannel, balanceMonths, recentEvents, recentTouchpoints, referredBy,
                referralCount, mergedInto, contentHash, createdAt, updatedAt, economics, scoring);
    }

    /** Whether this record was merged into another and only forwards to it. */
    public boolean isMerged() {
        return mergedInto != null;
    }
}
