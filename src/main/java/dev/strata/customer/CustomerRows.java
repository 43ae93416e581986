package dev.strata.customer;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.springframework.data.mongodb.core.query.Update;

/** Turns a validated feed row into a new portrait or into the update of an existing one. */
final class CustomerRows {

    private CustomerRows() {
    }

    /** A digest of the row's content: the same row sent twice is recognised as unchanged. */
    static String contentHash(CustomerInput row) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(row.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Customer newCustomer(CustomerInput row, String branchCode, String id, long seq, String hash, Instant now) {
        return new Customer(id, seq, row.externalRef(), row.name().trim(), row.gender(), row.birthDate(), row.phone(),
                row.idNumber(), row.sourceValue(), LifecycleStage.NEW, row.riskLevelValue(), row.riskAssessedAt(), branchCode,
                row.managerCode(), assets(row),
                new Customer.DigitalEngagement(Boolean.TRUE.equals(row.appRegistered()), false, row.lastLoginAt()),
                consents(row, now), BatchIdentities.of(row), List.of(), products(row), Tier.ORDINARY, List.of(), null, null, List.of(),
                List.of(), List.of(), null, 0, null, hash, now, now);
    }

    /** Sets what the row carries and leaves what it omits as it was. */
    static Update update(CustomerInput row, String branchCode, String hash, Instant now) {
        Update update = new Update().set("name", row.name().trim()).set("contentHash", hash).set("updatedAt", now);
        setIfPresent(update, "gender", row.gender());
        setIfPresent(update, "birthDate", row.birthDate());
        setIfPresent(update, "phone", row.phone());
        setIfPresent(update, "idNumber", row.idNumber());
        setIfPresent(update, "source", row.sourceValue());
        setIfPresent(update, "riskLevel", row.riskLevelValue());
        setIfPresent(update, "riskAssessedAt", row.riskAssessedAt());
        setIfPresent(update, "branchCode", branchCode);
        setIfPresent(update, "managerCode", row.managerCode());
        // Field by field, so a concurrent balance feed's monthlyAvgDailyDeposit is never overwritten by a stale read.
        setIfPresent(update, "assets.aum", row.aum());
        setIfPresent(update, "assets.deposits", row.deposits());
        setIfPresent(update, "assets.monthlyAvgDailyDeposit", row.monthlyAvgDailyDeposit());
        setIfPresent(update, "assets.loans", row.loans());
        setIfPresent(update, "digital.appRegistered", row.appRegistered());
        setIfPresent(update, "digital.lastLoginAt", row.lastLoginAt());
        if (row.consents() != null) {
            update.set("consents", consents(row, now));
        }
        if (row.identities() != null && !row.identities().isEmpty()) {
            // Added to, never replaced: identities linked by the channels must survive the nightly feed.
            update.addToSet("identities").each(BatchIdentities.of(row).toArray());
        }
        if (row.products() != null) {
            update.set("products", products(row));
        }
        return update;
    }

    private static void setIfPresent(Update update, String field, Object value) {
        if (value != null) {
            update.set(field, value);
        }
    }

    private static Customer.AssetSummary assets(CustomerInput row) {
        Customer.AssetSummary base = Customer.AssetSummary.EMPTY;
        return new Customer.AssetSummary(or(row.aum(), base.aum()), or(row.deposits(), base.deposits()),
                or(row.monthlyAvgDailyDeposit(), base.monthlyAvgDailyDeposit()), or(row.loans(), base.loans()));
    }

    private static BigDecimal or(BigDecimal value, BigDecimal fallback) {
        return value != null ? value : fallback;
    }

    private static List<Customer.Consent> consents(CustomerInput row, Instant now) {
        return row.consents() == null ? List.of()
                : row.consents().stream().map(c -> new Customer.Consent(Channel.valueOf(c.channel()), c.granted(), now))
                        .toList();
    }

    private static List<Customer.HeldProduct> products(CustomerInput row) {
        return row.products() == null ? List.of()
                : row.products().stream().map(p -> new Customer.HeldProduct(p.code(), p.openedAt(), p.balance())).toList();
    }
}
