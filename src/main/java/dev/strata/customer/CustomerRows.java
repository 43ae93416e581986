package dev.strata.customer;

import dev.strata.shared.Channel;
import dev.strata.shared.LifecycleStage;
import dev.strata.shared.Tier;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

import org.bson.Document;

import static dev.strata.store.StoredValues.putIfPresent;

/** Turns a validated feed row into a new portrait or into the update of an existing one. */
final class CustomerRows {

    private CustomerRows() {
    }

    /** A digest of the row's content: the same row sent twice is recognised as unchanged. */
    static String contentHash(CustomerInput row) {
        StringBuilder text = new StringBuilder(256);
        fields(text, row.externalRef(), row.name(), row.gender(), row.birthDate(), row.phone(), row.idNumber(), row.source(),
                row.riskLevel(), row.riskAssessedAt(), row.branchCode(), row.managerCode(), row.aum(), row.deposits(),
                row.loans(), row.monthlyAvgDailyDeposit(), row.appRegistered(), row.lastLoginAt(), row.annualFeeIncome(),
                row.acquisitionCost(), row.maintenanceCost());
        if (row.consents() != null) {
            row.consents().forEach(consent -> fields(text.append('C'), consent.channel(), consent.granted()));
        }
        if (row.identities() != null) {
            row.identities().forEach(identity -> fields(text.append('I'), identity.channel(), identity.externalId()));
        }
        if (row.products() != null) {
            row.products().forEach(product -> fields(text.append('P'), product.code(), product.openedAt(), product.balance()));
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Appends each value and a separator; null is its own mark, so "absent" and "empty" differ. */
    private static void fields(StringBuilder text, Object... values) {
        for (Object value : values) {
            text.append(value == null ? "\u0000" : value.toString()).append('\u001f');
        }
    }

    static Customer newCustomer(CustomerInput row, String branchCode, String id, long seq, String hash, Instant now) {
        return new Customer(id, seq, row.externalRef(), row.name().trim(), row.gender(), row.birthDate(), row.phone(),
                row.idNumber(), row.sourceValue(), LifecycleStage.NEW, row.riskLevelValue(), row.riskAssessedAt(), branchCode,
                row.managerCode(), assets(row),
                new Customer.DigitalEngagement(Boolean.TRUE.equals(row.appRegistered()), false, row.lastLoginAt()),
                consents(row, now), BatchIdentities.of(row), List.of(), products(row), Tier.ORDINARY, List.of(), null, null, List.of(),
                List.of(), List.of(), null, 0, null, hash, now, now,
                new Customer.Economics(row.annualFeeIncome(), row.acquisitionCost(), row.maintenanceCost()), null);
    }

    /** The update of a stored customer: sets what the row carries and leaves what it omits as it was. */
    static Document update(CustomerInput row, String branchCode, String hash, Instant now) {
        Document set = new Document("name", row.name().trim()).append("contentHash", hash).append("updatedAt", Date.from(now));
        putIfPresent(set, "gender", row.gender());
        putIfPresent(set, "birthDate", row.birthDate());
        putIfPresent(set, "phone", row.phone());
        putIfPresent(set, "idNumber", row.idNumber());
        putIfPresent(set, "source", row.sourceValue());
        putIfPresent(set, "riskLevel", row.riskLevelValue());
        putIfPresent(set, "riskAssessedAt", row.riskAssessedAt());
        putIfPresent(set, "branchCode", branchCode);
        putIfPresent(set, "managerCode", row.managerCode());
        // Field by field, so a concurrent balance feed's monthlyAvgDailyDeposit is never overwritten by a stale read.
        putIfPresent(set, "assets.aum", row.aum());
        putIfPresent(set, "assets.deposits", row.deposits());
        putIfPresent(set, "assets.monthlyAvgDailyDeposit", row.monthlyAvgDailyDeposit());
        putIfPresent(set, "assets.loans", row.loans());
        putIfPresent(set, "digital.appRegistered", row.appRegistered());
        putIfPresent(set, "digital.lastLoginAt", row.lastLoginAt());
        putIfPresent(set, "economics.annualFeeIncome", row.annualFeeIncome());
        putIfPresent(set, "economics.acquisitionCost", row.acquisitionCost());
        putIfPresent(set, "economics.maintenanceCost", row.maintenanceCost());
        if (row.consents() != null) {
            set.append("consents", CustomerDocuments.list(consents(row, now), CustomerDocuments::consent));
        }
        if (row.products() != null) {
            set.append("products", CustomerDocuments.list(products(row), CustomerDocuments::product));
        }
        Document update = new Document("$set", set);
        if (row.identities() != null && !row.identities().isEmpty()) {
            // Added to, never replaced: identities linked by the channels must survive the nightly feed.
            List<Document> identities = CustomerDocuments.list(BatchIdentities.of(row), CustomerDocuments::identity);
            update.append("$addToSet", new Document("identities", new Document("$each", identities)));
        }
        return update;
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
