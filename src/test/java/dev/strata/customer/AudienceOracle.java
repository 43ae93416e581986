package dev.strata.customer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.strata.audience.Attribute;
import dev.strata.audience.Measure;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.roaringbitmap.RoaringBitmap;

/**
 * The brute-force answer the audience index must give: who holds which attribute value and which measure value, read
 * off stored documents by plain Java.
 */
final class AudienceOracle {

    final RoaringBitmap live = new RoaringBitmap();
    final RoaringBitmap mergedAway = new RoaringBitmap();
    final Map<Attribute, Map<String, RoaringBitmap>> members = new EnumMap<>(Attribute.class);
    final Map<Measure, Map<Long, RoaringBitmap>> values = new EnumMap<>(Measure.class);
    /** Every customer's seq by its ID, merged away or not. */
    final Map<String, Integer> seqById = new HashMap<>();

    AudienceOracle(List<Document> customers) {
        for (Attribute attribute : Attribute.values()) {
            members.put(attribute, new TreeMap<>());
        }
        for (Measure measure : Measure.values()) {
            values.put(measure, new TreeMap<>());
        }
        for (Document customer : customers) {
            int seq = ((Number) customer.get("seq")).intValue();
            seqById.put(String.valueOf(customer.get("_id")), seq);
            if (customer.get("mergedInto") != null) {
                mergedAway.add(seq);
                continue;
            }
            live.add(seq);
            add(Attribute.BRANCH, customer.get("branchCode"), seq);
            add(Attribute.MANAGER, customer.get("managerCode"), seq);
            add(Attribute.TIER, customer.get("tier"), seq);
            add(Attribute.SOURCE, customer.get("source"), seq);
            add(Attribute.LIFECYCLE, customer.get("lifecycleStage"), seq);
            add(Attribute.RISK, customer.get("riskLevel"), seq);
            Object value = customer.get("value");
            if (value instanceof Document valueDocument) {
                add(Attribute.QUADRANT, valueDocument.get("quadrant"), seq);
            }
            for (Document label : elements(customer, "labels")) {
                add(Attribute.LABEL, label.get("labelId"), seq);
            }
            for (Document product : elements(customer, "products")) {
                add(Attribute.PRODUCT, product.get("code"), seq);
            }
            for (Document consent : elements(customer, "consents")) {
                if (Boolean.TRUE.equals(consent.get("granted"))) {
                    add(Attribute.CONSENT, consent.get("channel"), seq);
                }
            }
            measures(customer, seq);
        }
    }

    private void measures(Document customer, int seq) {
        Document assets = (Document) customer.get("assets");
        if (assets != null) {
            add(Measure.AUM, hundredfold(assets.get("aum")), seq);
            add(Measure.DEPOSITS, hundredfold(assets.get("deposits")), seq);
            add(Measure.LOANS, hundredfold(assets.get("loans")), seq);
            add(Measure.MONTHLY_AVG_DAILY_DEPOSIT, hundredfold(assets.get("monthlyAvgDailyDeposit")), seq);
        }
        if (customer.get("birthDate") instanceof Date birth) {
            add(Measure.BIRTH_DAY, birth.toInstant().atZone(ZoneOffset.UTC).toLocalDate().toEpochDay(), seq);
        }
        if (customer.get("digital") instanceof Document digital && digital.get("lastLoginAt") instanceof Date login) {
            add(Measure.LAST_LOGIN_DAY, login.toInstant().atZone(ZoneId.of("Asia/Shanghai")).toLocalDate().toEpochDay(), seq);
        }
        if (customer.get("value") instanceof Document value) {
            add(Measure.CURRENT_VALUE, hundredfold(value.get("currentValue")), seq);
            add(Measure.POTENTIAL_VALUE, hundredfold(value.get("potentialValue")), seq);
            add(Measure.LIFETIME_VALUE, hundredfold(value.get("lifetimeValue")), seq);
            add(Measure.CHURN_RISK, hundredfold(value.get("churnRisk")), seq);
        }
        add(Measure.PRODUCTS_HELD, (long) elements(customer, "products").size(), seq);
    }

    /** Money in cents, scores in hundredths: a hundred times the stored number, rounded half-up. */
    private static Long hundredfold(Object stored) {
        BigDecimal decimal = stored instanceof Decimal128 d ? d.bigDecimalValue()
                : stored instanceof Double d ? new BigDecimal(Double.toString(d)) : null;
        return decimal == null ? null : decimal.multiply(BigDecimal.valueOf(100)).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    private void add(Measure measure, Long value, int seq) {
        if (value != null) {
            values.get(measure).computeIfAbsent(value, v -> new RoaringBitmap()).add(seq);
        }
    }

    RoaringBitmap members(Attribute attribute, String value) {
        return members.get(attribute).getOrDefault(value, new RoaringBitmap());
    }

    private void add(Attribute attribute, Object value, int seq) {
        if (value != null) {
            members.get(attribute).computeIfAbsent(value.toString(), v -> new RoaringBitmap()).add(seq);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Document> elements(Document customer, String field) {
        Object values = customer.get(field);
        return values == null ? List.of() : (List<Document>) values;
    }
}
