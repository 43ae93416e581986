package dev.strata.customer;

import dev.strata.security.Role;
import dev.strata.security.StrataPrincipal;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * Who may read phone and ID numbers in clear, how they look to everyone else, and who may search by them.
 * A masked value must not be worked back out: every mask leaves at least 10,000 candidates (ID numbers even
 * with region, age and gender known; see MaskingTests), the birth date is withheld beside a masked ID number,
 * and exact search by phone or ID number only runs where the viewer sees them in clear.
 */
final class Masking {

    private Masking() {
    }

    /** Admins, and an RM for the customers in their own book. */
    static boolean seesPhone(StrataPrincipal viewer, Customer customer) {
        return viewer.has(Role.ADMIN)
                || (viewer.has(Role.RELATIONSHIP_MANAGER) && viewer.managerCode() != null
                        && viewer.managerCode().equals(customer.managerCode()));
    }

    /** Only admins; every such read is audited. The birth date goes with it: it is eight of the ID's digits. */
    static boolean seesIdNumber(StrataPrincipal viewer) {
        return viewer.has(Role.ADMIN);
    }

    /** "13812345678" → "138******78": six hidden digits, a million candidates. */
    static String maskPhone(String phone) {
        return keepEnds(phone, 3, 2);
    }

    /** "310101199003077764" → "31***************4": province and check digit only (≥ 16,000 candidates knowing age, gender, county). */
    static String maskIdNumber(String idNumber) {
        return keepEnds(idNumber, 2, 1);
    }

    /** Exact phone match, only among the customers whose phone the viewer reads in clear; null when none. */
    static Criteria phoneSearch(StrataPrincipal viewer, String term) {
        if (viewer.has(Role.ADMIN)) {
            return Criteria.where("phone").is(term);
        }
        if (viewer.has(Role.RELATIONSHIP_MANAGER) && viewer.managerCode() != null) {
            return Criteria.where("phone").is(term).and("managerCode").is(viewer.managerCode());
        }
        return null;
    }

    /** Exact ID number match, only for a viewer who reads ID numbers in clear; null for everyone else. */
    static Criteria idNumberSearch(StrataPrincipal viewer, String term) {
        return seesIdNumber(viewer) ? Criteria.where("idNumber").is(term) : null;
    }

    private static String keepEnds(String value, int head, int tail) {
        if (value == null) {
            return null;
        }
        if (value.length() <= head + tail + 4) {
            return "*".repeat(value.length());
        }
        return value.substring(0, head) + "*".repeat(value.length() - head - tail) + value.substring(value.length() - tail);
    }
}
