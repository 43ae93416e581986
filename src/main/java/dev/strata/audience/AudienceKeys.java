package dev.strata.audience;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;

/** The bitmap keys a customer belongs to: one per label and per value of each enumerated attribute. */
public final class AudienceKeys {

    /** Every live (not merged-away) customer. */
    public static final String ALL = "all";

    private AudienceKeys() {
    }

    public static String branch(String code) {
        return "branch:" + code;
    }

    public static String manager(String code) {
        return "manager:" + code;
    }

    public static String label(String labelId) {
        return "label:" + labelId;
    }

    public static String product(String code) {
        return "product:" + code;
    }

    /** Key of an enum attribute value, e.g. {@code tier:GOLD} or {@code consent:WECHAT}. */
    public static String of(String attribute, Enum<?> value) {
        return attribute + ":" + value.name();
    }

    /**
     * Fields of a stored customer the keys derive from: the index reads only these. Embedded documents
     * are read whole (they are small), since projecting paths inside arrays costs the embedded store more.
     */
    static final String[] FIELDS = {"seq", "mergedInto", "branchCode", "managerCode", "tier", "source", "lifecycleStage",
        "riskLevel", "value", "labels", "products", "consents"};

    /** The keys of a stored customer document (raw, so re-indexing skips object mapping). */
    static Set<String> of(Document customer) {
        Set<String> keys = new LinkedHashSet<>();
        if (customer.get("mergedInto") != null) {
            return keys;
        }
        keys.add(ALL);
        addIfPresent(keys, "branch", customer.getString("branchCode"));
        addIfPresent(keys, "manager", customer.getString("managerCode"));
        addIfPresent(keys, "tier", customer.getString("tier"));
        addIfPresent(keys, "source", customer.getString("source"));
        addIfPresent(keys, "lifecycle", customer.getString("lifecycleStage"));
        addIfPresent(keys, "risk", customer.getString("riskLevel"));
        Document value = customer.get("value", Document.class);
        if (value != null) {
            addIfPresent(keys, "quadrant", value.getString("quadrant"));
        }
        for (Document label : list(customer, "labels")) {
            addIfPresent(keys, "label", label.getString("labelId"));
        }
        for (Document product : list(customer, "products")) {
            addIfPresent(keys, "product", product.getString("code"));
        }
        for (Document consent : list(customer, "consents")) {
            if (Boolean.TRUE.equals(consent.getBoolean("granted"))) {
                addIfPresent(keys, "consent", consent.getString("channel"));
            }
        }
        return keys;
    }

    private static void addIfPresent(Set<String> keys, String attribute, String value) {
        if (value != null) {
            keys.add(attribute + ":" + value);
        }
    }

    private static List<Document> list(Document customer, String field) {
        List<Document> values = customer.getList(field, Document.class);
        return values == null ? List.of() : values;
    }
}
