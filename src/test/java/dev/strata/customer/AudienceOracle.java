package dev.strata.customer;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.strata.audience.Attribute;
import org.bson.Document;
import org.roaringbitmap.RoaringBitmap;

/** The brute-force answer the audience index must give: who holds which attribute value, read off stored documents by plain Java. */
final class AudienceOracle {

    final RoaringBitmap live = new RoaringBitmap();
    final RoaringBitmap mergedAway = new RoaringBitmap();
    final Map<Attribute, Map<String, RoaringBitmap>> members = new EnumMap<>(Attribute.class);

    AudienceOracle(List<Document> customers) {
        for (Attribute attribute : Attribute.values()) {
            members.put(attribute, new TreeMap<>());
        }
        for (Document customer : customers) {
            int seq = ((Number) customer.get("seq")).intValue();
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
