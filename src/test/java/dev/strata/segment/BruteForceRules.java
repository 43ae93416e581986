package dev.strata.segment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import dev.strata.rule.NumericField;
import dev.strata.rule.SegmentRule;
import dev.strata.shared.Channel;
import dev.strata.shared.CustomerSource;
import dev.strata.shared.LifecycleStage;
import dev.strata.shared.RiskLevel;
import dev.strata.shared.Tier;
import dev.strata.shared.ValueQuadrant;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * The plain-Java meaning of a segment rule written as the GraphQL input map, evaluated customer by customer over
 * stored documents, and the same map as the {@link SegmentRule} the engine takes.
 */
final class BruteForceRules {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** A stored customer as the rule sees it; events already follow merges to the survivor. */
    record Stored(String id, int seq, boolean live, Document document, List<StoredEvent> events) {
    }

    /** One stored event: type, channel (may be null) and its calendar day in Asia/Shanghai. */
    record StoredEvent(String type, String channel, LocalDate day) {
    }

    private BruteForceRules() {
    }

    /** Customers with their documents and, for the live ones, their events (merged-away customers' events follow them). */
    static Map<String, Stored> stored(List<Document> customers, List<Document> events) {
        Map<String, Document> byId = new HashMap<>();
        customers.forEach(customer -> byId.put(String.valueOf(customer.get("_id")), customer));
        Map<String, List<StoredEvent>> eventsById = new HashMap<>();
        for (Document event : events) {
            String owner = survivor(byId, event.getString("customerId"));
            eventsById.computeIfAbsent(owner, id -> new ArrayList<>()).add(new StoredEvent(event.getString("type"),
                    event.getString("channel"), event.getDate("occurredAt").toInstant().atZone(SHANGHAI).toLocalDate()));
        }
        Map<String, Stored> stored = new HashMap<>();
        byId.forEach((id, customer) -> stored.put(id, new Stored(id, ((Number) customer.get("seq")).intValue(),
                customer.get("mergedInto") == null, customer, eventsById.getOrDefault(id, List.of()))));
        return stored;
    }

    private static String survivor(Map<String, Document> byId, String id) {
        String current = id;
        for (int hops = 0; hops < 20 && byId.containsKey(current) && byId.get(current).get("mergedInto") != null; hops++) {
            current = String.valueOf(byId.get(current).get("mergedInto"));
        }
        return current;
    }

    /**
     * Whether {@code customer} matches {@code rule} today. {@code labelRules} holds RULE labels' rules by key;
     * {@code manualLabelIds} MANUAL labels' local IDs by key; {@code segmentRules} saved segments' rules by global ID.
     */
    @SuppressWarnings("unchecked")
    static boolean matches(Map<String, Object> rule, Stored customer, LocalDate today, Map<String, Map<String, Object>> labelRules,
            Map<String, String> manualLabelIds, Map<String, Map<String, Object>> segmentRules) {
        Function<Map<String, Object>, Boolean> recurse = child -> matches(child, customer, today, labelRules, manualLabelIds,
                segmentRules);
        Document doc = customer.document();
        Map.Entry<String, Object> node = rule.entrySet().iterator().next();
        Object value = node.getValue();
        return switch (node.getKey()) {
            case "and" -> ((List<Map<String, Object>>) value).stream().allMatch(recurse::apply);
            case "or" -> ((List<Map<String, Object>>) value).stream().anyMatch(recurse::apply);
            case "not" -> !recurse.apply((Map<String, Object>) value);
            case "hasLabel" -> labelRules.containsKey(value) ? recurse.apply(labelRules.get(value))
                    : elements(doc, "labels").stream().anyMatch(label -> String.valueOf(label.get("labelId"))
                            .equals(manualLabelIds.get(value)));
            case "tierIn" -> ((List<?>) value).contains(doc.getString("tier"));
            case "quadrantIn" -> doc.get("value") instanceof Document v && ((List<?>) value).contains(v.getString("quadrant"));
            case "sourceIn" -> ((List<?>) value).contains(doc.getString("source"));
            case "lifecycleIn" -> ((List<?>) value).contains(doc.getString("lifecycleStage"));
            case "riskLevelIn" -> ((List<?>) value).contains(doc.getString("riskLevel"));
            case "branchIn" -> ((List<?>) value).contains(doc.getString("branchCode"));
            case "managerIn" -> ((List<?>) value).contains(doc.getString("managerCode"));
            case "hasProduct" -> elements(doc, "products").stream().anyMatch(product -> value.equals(product.getString("code")));
            case "consentTo" -> elements(doc, "consents").stream()
                    .anyMatch(consent -> value.equals(consent.getString("channel")) && Boolean.TRUE.equals(consent.get("granted")));
            case "numeric" -> numeric((Map<String, Object>) value, doc, today);
            case "event" -> event((Map<String, Object>) value, customer, today);
            case "inSegment" -> recurse.apply(segmentRules.get(value));
            default -> throw new IllegalArgumentException("unknown rule node " + node.getKey());
        };
    }

    private static boolean numeric(Map<String, Object> condition, Document doc, LocalDate today) {
        BigDecimal actual = numericValue(NumericField.valueOf((String) condition.get("field")), doc, today);
        if (actual == null) {
            return false;
        }
        Number gte = (Number) condition.get("gte");
        Number lt = (Number) condition.get("lt");
        return (gte == null || actual.compareTo(BigDecimal.valueOf(gte.doubleValue())) >= 0)
                && (lt == null || actual.compareTo(BigDecimal.valueOf(lt.doubleValue())) < 0);
    }

    /** The customer's value of a numeric field today, or null when they have none. */
    static BigDecimal numericValue(NumericField field, Document doc, LocalDate today) {
        Document assets = doc.get("assets", Document.class);
        Document value = doc.get("value", Document.class);
        return switch (field) {
            case AUM -> decimal(assets == null ? null : assets.get("aum"));
            case DEPOSITS -> decimal(assets == null ? null : assets.get("deposits"));
            case LOANS -> decimal(assets == null ? null : assets.get("loans"));
            case MONTHLY_AVG_DAILY_DEPOSIT -> decimal(assets == null ? null : assets.get("monthlyAvgDailyDeposit"));
            case CURRENT_VALUE -> decimal(value == null ? null : value.get("currentValue"));
            case POTENTIAL_VALUE -> decimal(value == null ? null : value.get("potentialValue"));
            case LIFETIME_VALUE -> decimal(value == null ? null : value.get("lifetimeValue"));
            case CHURN_RISK -> decimal(value == null ? null : value.get("churnRisk"));
            case PRODUCTS_HELD -> BigDecimal.valueOf(elements(doc, "products").size());
            case AGE -> doc.get("birthDate") instanceof Date birth
                    ? BigDecimal.valueOf(Period.between(birth.toInstant().atZone(ZoneOffset.UTC).toLocalDate(), today).getYears())
                    : null;
            case DAYS_SINCE_LAST_LOGIN -> doc.get("digital") instanceof Document digital && digital.get("lastLoginAt") instanceof Date at
                    ? BigDecimal.valueOf(today.toEpochDay() - at.toInstant().atZone(SHANGHAI).toLocalDate().toEpochDay())
                    : null;
        };
    }

    private static boolean event(Map<String, Object> condition, Stored customer, LocalDate today) {
        int withinDays = ((Number) condition.get("withinDays")).intValue();
        int minCount = condition.get("minCount") == null ? 1 : ((Number) condition.get("minCount")).intValue();
        LocalDate from = today.minusDays(withinDays - 1L);
        long count = customer.events().stream()
                .filter(e -> e.type().equals(condition.get("type")))
                .filter(e -> condition.get("channel") == null || condition.get("channel").equals(e.channel()))
                .filter(e -> !e.day().isBefore(from) && !e.day().isAfter(today))
                .count();
        return count >= minCount;
    }

    private static BigDecimal decimal(Object stored) {
        if (stored instanceof Decimal128 d) {
            return d.bigDecimalValue();
        }
        if (stored instanceof BigDecimal d) {
            return d;
        }
        if (stored instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static List<Document> elements(Document doc, String field) {
        Object values = doc.get(field);
        return values == null ? List.of() : (List<Document>) values;
    }

    /** The rule map as the engine's {@link SegmentRule}. */
    @SuppressWarnings("unchecked")
    static SegmentRule toRule(Map<String, Object> rule) {
        Map.Entry<String, Object> node = rule.entrySet().iterator().next();
        Object v = node.getValue();
        List<SegmentRule> and = null;
        List<SegmentRule> or = null;
        SegmentRule not = null;
        String hasLabel = null;
        List<Tier> tierIn = null;
        List<ValueQuadrant> quadrantIn = null;
        List<CustomerSource> sourceIn = null;
        List<LifecycleStage> lifecycleIn = null;
        List<RiskLevel> riskLevelIn = null;
        List<String> branchIn = null;
        List<String> managerIn = null;
        SegmentRule.NumericCondition numeric = null;
        SegmentRule.EventCondition event = null;
        String hasProduct = null;
        Channel consentTo = null;
        String inSegment = null;
        switch (node.getKey()) {
            case "and" -> and = ((List<Map<String, Object>>) v).stream().map(BruteForceRules::toRule).toList();
            case "or" -> or = ((List<Map<String, Object>>) v).stream().map(BruteForceRules::toRule).toList();
            case "not" -> not = toRule((Map<String, Object>) v);
            case "hasLabel" -> hasLabel = (String) v;
            case "tierIn" -> tierIn = ((List<String>) v).stream().map(Tier::valueOf).toList();
            case "quadrantIn" -> quadrantIn = ((List<String>) v).stream().map(ValueQuadrant::valueOf).toList();
            case "sourceIn" -> sourceIn = ((List<String>) v).stream().map(CustomerSource::valueOf).toList();
            case "lifecycleIn" -> lifecycleIn = ((List<String>) v).stream().map(LifecycleStage::valueOf).toList();
            case "riskLevelIn" -> riskLevelIn = ((List<String>) v).stream().map(RiskLevel::valueOf).toList();
            case "branchIn" -> branchIn = (List<String>) v;
            case "managerIn" -> managerIn = (List<String>) v;
            case "hasProduct" -> hasProduct = (String) v;
            case "consentTo" -> consentTo = Channel.valueOf((String) v);
            case "inSegment" -> inSegment = (String) v;
            case "numeric" -> {
                Map<String, Object> n = (Map<String, Object>) v;
                numeric = new SegmentRule.NumericCondition(NumericField.valueOf((String) n.get("field")),
                        n.get("gte") == null ? null : ((Number) n.get("gte")).doubleValue(),
                        n.get("lt") == null ? null : ((Number) n.get("lt")).doubleValue());
            }
            case "event" -> {
                Map<String, Object> e = (Map<String, Object>) v;
                event = new SegmentRule.EventCondition((String) e.get("type"),
                        e.get("channel") == null ? null : Channel.valueOf((String) e.get("channel")),
                        (Integer) e.get("withinDays"), (Integer) e.get("minCount"));
            }
            default -> throw new IllegalArgumentException("unknown rule node " + node.getKey());
        }
        return new SegmentRule(and, or, not, hasLabel, tierIn, quadrantIn, sourceIn, lifecycleIn, riskLevelIn, branchIn,
                managerIn, numeric, event, hasProduct, consentTo, inSegment);
    }

    /** The node kinds a rule map uses, at any depth (not following segments or labels). */
    @SuppressWarnings("unchecked")
    static Set<String> kinds(Map<String, Object> rule) {
        Set<String> kinds = new HashSet<>();
        Map.Entry<String, Object> node = rule.entrySet().iterator().next();
        kinds.add(node.getKey());
        if (node.getValue() instanceof List<?> list && (node.getKey().equals("and") || node.getKey().equals("or"))) {
            list.forEach(child -> kinds.addAll(kinds((Map<String, Object>) child)));
        } else if (node.getKey().equals("not")) {
            kinds.addAll(kinds((Map<String, Object>) node.getValue()));
        }
        return kinds;
    }
}
