package dev.strata.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import dev.strata.customer.Customer;
import dev.strata.shared.LifecycleStage;
import dev.strata.shared.Tier;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * What scoring knows of one customer, read by hand from a projected document (a million of them per run) or taken
 * from a portrait (to explain a score).
 */
record Facts(String id, long seq, LocalDate birthDate, BigDecimal aum, BigDecimal deposits, BigDecimal monthlyAvgDailyDeposit,
        BigDecimal loans, BigDecimal annualFeeIncome, BigDecimal acquisitionCost, BigDecimal maintenanceCost,
        boolean appRegistered, boolean miniProgramBound, Instant lastLoginAt, List<String> productCodes,
        LocalDate firstProductOpened, Instant createdAt, Tier tier, Instant lastTierChangeAt, Customer.CustomerValue value,
        LifecycleStage lifecycleStage, boolean hasChurnLabel, List<Customer.DepositMonth> depositMonths,
        List<Customer.MonthlyBalance> balanceMonths, Instant lastActivityAt, int peakProducts, boolean merged) {

    /** The fields a scoring read projects. */
    static final List<String> FIELDS = List.of("_id", "seq", "birthDate", "assets", "economics", "digital", "products",
            "createdAt", "tier", "tierHistory", "value", "lifecycleStage", "labels", "scoring", "balanceMonths",
            "recentEvents", "mergedInto");

    /** Event types scoring records itself: they are no sign of the customer's activity. */
    static boolean systemType(String type) {
        return ScoringEvents.TIER_CHANGED.equals(type) || ScoringEvents.CHURN_RISK_HIGH.equals(type);
    }

    static Facts of(Customer c, String churnLabelId) {
        LocalDate first = c.products().stream().map(Customer.HeldProduct::openedAt).filter(d -> d != null)
                .min(LocalDate::compareTo).orElse(null);
        Instant lastChange = c.tierHistory().isEmpty() ? null : c.tierHistory().get(c.tierHistory().size() - 1).at();
        Instant activity = c.recentEvents().stream().filter(e -> !systemType(e.type())).map(Customer.RecentEvent::occurredAt)
                .filter(t -> t != null).max(Instant::compareTo).orElse(null);
        boolean labelled = c.labels().stream().anyMatch(l -> l.labelId().equals(churnLabelId));
        Integer peak = c.scoring().peakProducts();
        return new Facts(c.id(), c.seq(), c.birthDate(), c.assets().aum(), c.assets().deposits(),
                c.assets().monthlyAvgDailyDeposit(), c.assets().loans(), c.economics().annualFeeIncome(),
                c.economics().acquisitionCost(), c.economics().maintenanceCost(), c.digital().appRegistered(),
                c.digital().miniProgramBound(), c.digital().lastLoginAt(),
                c.products().stream().map(Customer.HeldProduct::code).toList(), first, c.createdAt(), c.tier(), lastChange,
                c.value(), c.lifecycleStage(), labelled,
                c.scoring().depositMonths() == null ? List.of() : c.scoring().depositMonths(), c.balanceMonths(), activity,
                peak == null ? 0 : peak, c.isMerged());
    }

    static Facts of(Document d, String churnLabelId) {
        Document assets = sub(d, "assets");
        Document economics = sub(d, "economics");
        Document digital = sub(d, "digital");
        Document scoring = sub(d, "scoring");
        List<String> codes = new ArrayList<>();
        LocalDate first = null;
        for (Document product : docs(d, "products")) {
            codes.add(product.getString("code"));
            LocalDate opened = date(product.get("openedAt"));
            if (opened != null && (first == null || opened.isBefore(first))) {
                first = opened;
            }
        }
        List<Document> history = docs(d, "tierHistory");
        Instant lastChange = history.isEmpty() ? null : instant(history.get(history.size() - 1).get("at"));
        Instant activity = null;
        for (Document event : docs(d, "recentEvents")) {
            Instant at = instant(event.get("occurredAt"));
            if (at != null && !systemType(event.getString("type")) && (activity == null || at.isAfter(activity))) {
                activity = at;
            }
        }
        boolean labelled = false;
        for (Document label : docs(d, "labels")) {
            labelled |= churnLabelId != null && churnLabelId.equals(label.getString("labelId"));
        }
        List<Customer.DepositMonth> depositMonths = new ArrayList<>();
        for (Document month : docs(scoring, "depositMonths")) {
            depositMonths.add(new Customer.DepositMonth(month.getString("month"), money(month.get("avgDailyDeposit"))));
        }
        List<Customer.MonthlyBalance> balanceMonths = new ArrayList<>();
        for (Document month : docs(d, "balanceMonths")) {
            balanceMonths.add(new Customer.MonthlyBalance(month.getString("month"), money(month.get("avgDailyDeposit")),
                    money(month.get("avgDailyAum"))));
        }
        Document value = sub(d, "value");
        Customer.CustomerValue stored = value.isEmpty() ? Customer.CustomerValue.UNSCORED
                : new Customer.CustomerValue(number(value.get("currentValue")), number(value.get("potentialValue")),
                        number(value.get("lifetimeValue")), number(value.get("churnRisk")),
                        value.getString("quadrant") == null ? null
                                : dev.strata.shared.ValueQuadrant.valueOf(value.getString("quadrant")),
                        instant(value.get("scoredAt")), value.getInteger("modelVersion"));
        String tier = d.getString("tier");
        String stage = d.getString("lifecycleStage");
        Object seq = d.get("seq");
        Integer peak = scoring.getInteger("peakProducts");
        return new Facts(d.get("_id").toString(), seq instanceof Number n ? n.longValue() : 0, date(d.get("birthDate")),
                money(assets.get("aum")), money(assets.get("deposits")), money(assets.get("monthlyAvgDailyDeposit")),
                money(assets.get("loans")), money(economics.get("annualFeeIncome")), money(economics.get("acquisitionCost")),
                money(economics.get("maintenanceCost")), Boolean.TRUE.equals(digital.getBoolean("appRegistered")),
                Boolean.TRUE.equals(digital.getBoolean("miniProgramBound")), instant(digital.get("lastLoginAt")), codes, first,
                instant(d.get("createdAt")), tier == null ? Tier.ORDINARY : Tier.valueOf(tier), lastChange, stored,
                stage == null ? LifecycleStage.NEW : LifecycleStage.valueOf(stage), labelled, depositMonths, balanceMonths,
                activity, peak == null ? 0 : peak, d.get("mergedInto") != null);
    }

    private static Document sub(Document d, String field) {
        Object value = d.get(field);
        return value instanceof Document document ? document : new Document();
    }

    @SuppressWarnings("unchecked")
    private static List<Document> docs(Document d, String field) {
        Object value = d.get(field);
        return value instanceof List<?> list ? (List<Document>) list : List.of();
    }

    private static BigDecimal money(Object value) {
        if (value instanceof Decimal128 decimal) {
            return decimal.bigDecimalValue();
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        return value instanceof String text ? new BigDecimal(text) : null;
    }

    private static Double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }

    private static Instant instant(Object value) {
        return value instanceof Date date ? date.toInstant() : value instanceof Instant instant ? instant : null;
    }

    /** Dates are stored as UTC midnight (see MongoConversions). */
    private static LocalDate date(Object value) {
        if (value instanceof Date date) {
            return LocalDate.ofInstant(date.toInstant(), ZoneOffset.UTC);
        }
        return value instanceof LocalDate local ? local : null;
    }
}
