package dev.strata.audience;

import java.util.LinkedHashSet;
import java.util.Set;

import dev.strata.customer.Customer;

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

    static Set<String> of(Customer customer) {
        Set<String> keys = new LinkedHashSet<>();
        if (customer.isMerged()) {
            return keys;
        }
        keys.add(ALL);
        if (customer.branchCode() != null) {
            keys.add(branch(customer.branchCode()));
        }
        if (customer.managerCode() != null) {
            keys.add(manager(customer.managerCode()));
        }
        keys.add(of("tier", customer.tier()));
        keys.add(of("source", customer.source()));
        keys.add(of("lifecycle", customer.lifecycleStage()));
        if (customer.riskLevel() != null) {
            keys.add(of("risk", customer.riskLevel()));
        }
        if (customer.value().quadrant() != null) {
            keys.add(of("quadrant", customer.value().quadrant()));
        }
        customer.labels().forEach(l -> keys.add(label(l.labelId())));
        customer.products().forEach(p -> keys.add(product(p.code())));
        customer.consents().stream().filter(Customer.Consent::granted).forEach(c -> keys.add(of("consent", c.channel())));
        return keys;
    }
}
