package dev.strata.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;

import dev.strata.shared.Channel;
import dev.strata.shared.CustomerSource;
import dev.strata.shared.LifecycleStage;
import dev.strata.shared.RiskLevel;
import dev.strata.shared.Tier;
import dev.strata.shared.ValueQuadrant;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.stereotype.Component;

/**
 * Reads a stored customer straight from its document, as the generic mapping would (absent fields null, or
 * zero for numbers and false for flags; dates at UTC; money from Decimal128), at a fraction of its cost: the
 * reflective mapping of the embedded lists was a fifth of the CPU of a page of 50 portraits. Kept equal to the
 * generic mapping by a differential test over random and partial documents.
 */
@Component
@ReadingConverter
public class CustomerDocumentReader implements Converter<Document, Customer> {

    @Override
    public Customer convert(Document d) {
        return new Customer(string(d, "_id"), number(d, "seq"), string(d, "externalRef"), string(d, "name"),
                string(d, "gender"), date(d, "birthDate"), string(d, "phone"), string(d, "idNumber"),
                named(d, "source", CustomerSource.class), named(d, "lifecycleStage", LifecycleStage.class),
                named(d, "riskLevel", RiskLevel.class), date(d, "riskAssessedAt"), string(d, "branchCode"),
                string(d, "managerCode"), nested(d, "assets", CustomerDocumentReader::assets),
                nested(d, "digital", CustomerDocumentReader::digital), list(d, "consents", CustomerDocumentReader::consent),
                list(d, "identities", CustomerDocumentReader::identity), list(d, "labels", CustomerDocumentReader::label),
                list(d, "products", CustomerDocumentReader::product), named(d, "tier", Tier.class),
                list(d, "tierHistory", CustomerDocumentReader::tierChange), nested(d, "value", CustomerDocumentReader::value),
                named(d, "preferredChannel", Channel.class), list(d, "balanceMonths", CustomerDocumentReader::monthlyBalance),
                list(d, "recentEvents", CustomerDocumentReader::recentEvent),
                list(d, "recentTouchpoints", CustomerDocumentReader::recentTouchpoint), string(d, "referredBy"),
                (int) number(d, "referralCount"), string(d, "mergedInto"), string(d, "contentHash"), instant(d, "createdAt"),
                instant(d, "updatedAt"), nested(d, "economics", CustomerDocumentReader::economics),
                nested(d, "scoring", CustomerDocumentReader::scoring));
    }

    private static Customer.AssetSummary assets(Document d) {
        return new Customer.AssetSummary(money(d, "aum"), money(d, "deposits"), money(d, "monthlyAvgDailyDeposit"),
                money(d, "loans"));
    }

    private static Customer.DigitalEngagement digital(Document d) {
        return new Customer.DigitalEngagement(flag(d, "appRegistered"), flag(d, "miniProgramBound"), instant(d, "lastLoginAt"));
    }

    private static Customer.Consent consent(Document d) {
        return new Customer.Consent(named(d, "channel", Channel.class), flag(d, "granted"), instant(d, "updatedAt"));
    }

    private static Customer.ChannelIdentity identity(Document d) {
        return new Customer.ChannelIdentity(named(d, "channel", Channel.class), string(d, "externalId"));
    }

    private static Customer.AppliedLabel label(Document d) {
        return new Customer.AppliedLabel(string(d, "labelId"), string(d, "key"), instant(d, "appliedAt"), string(d, "source"));
    }

    private static Customer.HeldProduct product(Document d) {
        return new Customer.HeldProduct(string(d, "code"), date(d, "openedAt"), money(d, "balance"));
    }

    private static Customer.TierChange tierChange(Document d) {
        return new Customer.TierChange(named(d, "from", Tier.class), named(d, "to", Tier.class), instant(d, "at"),
                string(d, "reason"));
    }

    private static Customer.CustomerValue value(Document d) {
        return new Customer.CustomerValue(real(d, "currentValue"), real(d, "potentialValue"), real(d, "lifetimeValue"),
                real(d, "churnRisk"), named(d, "quadrant", ValueQuadrant.class), instant(d, "scoredAt"),
                whole(d, "modelVersion"));
    }

    private static Customer.MonthlyBalance monthlyBalance(Document d) {
        return new Customer.MonthlyBalance(string(d, "month"), money(d, "avgDailyDeposit"), money(d, "avgDailyAum"));
    }

    private static Customer.RecentEvent recentEvent(Document d) {
        return new Customer.RecentEvent(string(d, "eventId"), string(d, "type"), named(d, "channel", Channel.class),
                instant(d, "occurredAt"));
    }

    private static Customer.RecentTouchpoint recentTouchpoint(Document d) {
        return new Customer.RecentTouchpoint(string(d, "touchpointId"), named(d, "channel", Channel.class),
                string(d, "status"), string(d, "campaignId"), instant(d, "at"));
    }

    private static Customer.Economics economics(Document d) {
        return new Customer.Economics(money(d, "annualFeeIncome"), money(d, "acquisitionCost"), money(d, "maintenanceCost"));
    }

    private static Customer.ScoringState scoring(Document d) {
        return new Customer.ScoringState(list(d, "depositMonths", CustomerDocumentReader::depositMonth), whole(d, "peakProducts"));
    }

    private static Customer.DepositMonth depositMonth(Document d) {
        return new Customer.DepositMonth(string(d, "month"), money(d, "avgDailyDeposit"));
    }

    /** Strings, and ObjectIds as their hex form. */
    private static String string(Document d, String key) {
        Object value = d.get(key);
        return value == null ? null : value.toString();
    }

    private static long number(Document d, String key) {
        return d.get(key) instanceof Number number ? number.longValue() : 0;
    }

    private static Integer whole(Document d, String key) {
        return d.get(key) instanceof Number number ? number.intValue() : null;
    }

    private static Double real(Document d, String key) {
        return d.get(key) instanceof Number number ? number.doubleValue() : null;
    }

    private static boolean flag(Document d, String key) {
        return d.get(key) instanceof Boolean flag && flag;
    }

    private static BigDecimal money(Document d, String key) {
        Object value = d.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        return value instanceof Decimal128 decimal ? decimal.bigDecimalValue() : new BigDecimal(value.toString());
    }

    /** BSON dates as the driver decodes them, or the Java value of a document not yet stored. */
    private static Instant instant(Document d, String key) {
        Object value = d.get(key);
        return value instanceof Date date ? date.toInstant() : (Instant) value;
    }

    private static LocalDate date(Document d, String key) {
        Object value = d.get(key);
        return value instanceof Date date ? LocalDate.ofInstant(date.toInstant(), ZoneOffset.UTC) : (LocalDate) value;
    }

    private static <E extends Enum<E>> E named(Document d, String key, Class<E> type) {
        Object value = d.get(key);
        return value == null ? null : Enum.valueOf(type, value.toString());
    }

    private static <T> T nested(Document d, String key, Function<Document, T> read) {
        return d.get(key) instanceof Document nested ? read.apply(nested) : null;
    }

    private static <T> List<T> list(Document d, String key, Function<Document, T> read) {
        if (!(d.get(key) instanceof List<?> stored)) {
            return null;
        }
        List<T> items = new ArrayList<>(stored.size());
        for (Object item : stored) {
            items.add(item instanceof Document nested ? read.apply(nested) : null);
        }
        return items;
    }
}
