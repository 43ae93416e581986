package dev.strata.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.strata.store.StoredValues;
import org.bson.Document;

import static dev.strata.store.StoredValues.putIfPresent;

/**
 * Customer documents written by hand, field for field as the object mapper writes them but for the empty
 * lists and the unscored value, which are left out: the feed inserts thousands a second, and generic
 * mapping cost more than the insert. CustomerDocumentsTests holds this to the mapper's output.
 */
final class CustomerDocuments {

    static final String COLLECTION = "customers";
    /** How many times the document was changed in place (absent: never); {@link CustomerWrites} bumps it with each change. */
    static final String REVISION = "revision";

    private CustomerDocuments() {
    }

    /** The whole document of a customer, as stored. */
    static Document of(Customer customer) {
        Document document = new Document("_id", id(customer.id())).append("seq", customer.seq());
        putIfPresent(document, "externalRef", customer.externalRef());
        putIfPresent(document, "name", customer.name());
        putIfPresent(document, "gender", customer.gender());
        putIfPresent(document, "birthDate", customer.birthDate());
        putIfPresent(document, "phone", customer.phone());
        putIfPresent(document, "idNumber", customer.idNumber());
        putIfPresent(document, "source", customer.source());
        putIfPresent(document, "lifecycleStage", customer.lifecycleStage());
        putIfPresent(document, "riskLevel", customer.riskLevel());
        putIfPresent(document, "riskAssessedAt", customer.riskAssessedAt());
        putIfPresent(document, "branchCode", customer.branchCode());
        putIfPresent(document, "managerCode", customer.managerCode());
        document.append("assets", assets(customer.assets())).append("digital", digital(customer.digital()));
        putIfNotEmpty(document, "consents", customer.consents(), CustomerDocuments::consent);
        putIfNotEmpty(document, "identities", customer.identities(), CustomerDocuments::identity);
        putIfNotEmpty(document, "labels", customer.labels(), CustomerDocuments::label);
        putIfNotEmpty(document, "products", customer.products(), CustomerDocuments::product);
        document.append("tier", customer.tier().name());
        putIfNotEmpty(document, "tierHistory", customer.tierHistory(), CustomerDocuments::tierChange);
        if (!Customer.CustomerValue.UNSCORED.equals(customer.value())) {
            document.append("value", value(customer.value()));
        }
        putIfPresent(document, "preferredChannel", customer.preferredChannel());
        putIfNotEmpty(document, "balanceMonths", customer.balanceMonths(), CustomerDocuments::monthlyBalance);
        putIfNotEmpty(document, "recentEvents", customer.recentEvents(), CustomerDocuments::recentEvent);
        putIfNotEmpty(document, "recentTouchpoints", customer.recentTouchpoints(), CustomerDocuments::recentTouchpoint);
        putIfPresent(document, "referredBy", customer.referredBy());
        document.append("referralCount", customer.referralCount());
        putIfPresent(document, "mergedInto", customer.mergedInto());
        putIfPresent(document, "contentHash", customer.contentHash());
        putIfPresent(document, "createdAt", customer.createdAt());
        putIfPresent(document, "updatedAt", customer.updatedAt());
        putIfNotEmpty(document, "economics", economics(customer.economics()));
        putIfNotEmpty(document, "scoring", scoring(customer.scoring()));
        return document;
    }

    private static void putIfNotEmpty(Document document, String field, Document value) {
        if (!value.isEmpty()) {
            document.append(field, value);
        }
    }

    private static Document economics(Customer.Economics economics) {
        Document document = new Document();
        putIfPresent(document, "annualFeeIncome", economics.annualFeeIncome());
        putIfPresent(document, "acquisitionCost", economics.acquisitionCost());
        putIfPresent(document, "maintenanceCost", economics.maintenanceCost());
        return document;
    }

    private static Document scoring(Customer.ScoringState scoring) {
        Document document = new Document();
        if (scoring.depositMonths() != null) {
            document.append("depositMonths", list(scoring.depositMonths(), CustomerDocuments::depositMonth));
        }
        putIfPresent(document, "peakProducts", scoring.peakProducts());
        return document;
    }

    private static Document depositMonth(Customer.DepositMonth month) {
        Document document = new Document();
        putIfPresent(document, "month", month.month());
        putIfPresent(document, "avgDailyDeposit", month.avgDailyDeposit());
        return document;
    }

    /** A customer ID as the mapper stores it: an ObjectId when it reads as one. */
    static Object id(String id) {
        return StoredValues.id(id);
    }

    private static Document assets(Customer.AssetSummary assets) {
        Document document = new Document();
        putIfPresent(document, "aum", assets.aum());
        putIfPresent(document, "deposits", assets.deposits());
        putIfPresent(document, "monthlyAvgDailyDeposit", assets.monthlyAvgDailyDeposit());
        putIfPresent(document, "loans", assets.loans());
        return document;
    }

    private static Document digital(Customer.DigitalEngagement digital) {
        Document document = new Document("appRegistered", digital.appRegistered())
                .append("miniProgramBound", digital.miniProgramBound());
        putIfPresent(document, "lastLoginAt", digital.lastLoginAt());
        return document;
    }

    static Document consent(Customer.Consent consent) {
        Document document = new Document();
        putIfPresent(document, "channel", consent.channel());
        document.append("granted", consent.granted());
        putIfPresent(document, "updatedAt", consent.updatedAt());
        return document;
    }

    static Document identity(Customer.ChannelIdentity identity) {
        Document document = new Document();
        putIfPresent(document, "channel", identity.channel());
        putIfPresent(document, "externalId", identity.externalId());
        return document;
    }

    private static Document label(Customer.AppliedLabel label) {
        Document document = new Document();
        putIfPresent(document, "labelId", label.labelId());
        putIfPresent(document, "key", label.key());
        putIfPresent(document, "appliedAt", label.appliedAt());
        putIfPresent(document, "source", label.source());
        return document;
    }

    static Document product(Customer.HeldProduct product) {
        Document document = new Document();
        putIfPresent(document, "code", product.code());
        putIfPresent(document, "openedAt", product.openedAt());
        putIfPresent(document, "balance", product.balance());
        return document;
    }

    private static Document tierChange(Customer.TierChange change) {
        Document document = new Document();
        putIfPresent(document, "from", change.from());
        putIfPresent(document, "to", change.to());
        putIfPresent(document, "at", change.at());
        putIfPresent(document, "reason", change.reason());
        return document;
    }

    private static Document value(Customer.CustomerValue value) {
        Document document = new Document();
        putIfPresent(document, "currentValue", value.currentValue());
        putIfPresent(document, "potentialValue", value.potentialValue());
        putIfPresent(document, "lifetimeValue", value.lifetimeValue());
        putIfPresent(document, "churnRisk", value.churnRisk());
        putIfPresent(document, "quadrant", value.quadrant());
        putIfPresent(document, "scoredAt", value.scoredAt());
        putIfPresent(document, "modelVersion", value.modelVersion());
        return document;
    }

    /** One month of averages as kept on the customer. */
    private static Document monthlyBalance(Customer.MonthlyBalance month) {
        Document document = new Document();
        putIfPresent(document, "month", month.month());
        putIfPresent(document, "avgDailyDeposit", month.avgDailyDeposit());
        putIfPresent(document, "avgDailyAum", month.avgDailyAum());
        return document;
    }

    static Document recentEvent(Customer.RecentEvent event) {
        Document document = new Document();
        putIfPresent(document, "eventId", event.eventId());
        putIfPresent(document, "type", event.type());
        putIfPresent(document, "channel", event.channel());
        putIfPresent(document, "occurredAt", event.occurredAt());
        return document;
    }

    static Document recentTouchpoint(Customer.RecentTouchpoint touchpoint) {
        Document document = new Document();
        putIfPresent(document, "touchpointId", touchpoint.touchpointId());
        putIfPresent(document, "channel", touchpoint.channel());
        putIfPresent(document, "status", touchpoint.status());
        putIfPresent(document, "campaignId", touchpoint.campaignId());
        putIfPresent(document, "at", touchpoint.at());
        return document;
    }

    /** Leaves an empty list out: most of a new customer's lists are empty, and the portrait reads a missing one as empty. */
    private static <T> void putIfNotEmpty(Document document, String field, List<T> values, Function<T, Document> write) {
        if (!values.isEmpty()) {
            document.append(field, list(values, write));
        }
    }

    static <T> List<Document> list(List<T> values, Function<T, Document> write) {
        List<Document> documents = new ArrayList<>(values.size());
        values.forEach(value -> documents.add(write.apply(value)));
        return documents;
    }
}
