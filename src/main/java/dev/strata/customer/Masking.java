package dev.strata.customer;

import dev.strata.security.Role;
import dev.strata.security.StrataPrincipal;

/** Who may read phone and ID numbers in clear, and how they look to everyone else. */
final class Masking {

    private Masking() {
    }

    /** Admins, and an RM for the customers in their own book. */
    static boolean seesPhone(StrataPrincipal viewer, Customer customer) {
        return viewer.has(Role.ADMIN)
                || (viewer.has(Role.RELATIONSHIP_MANAGER) && viewer.managerCode() != null
                        && viewer.managerCode().equals(customer.managerCode()));
    }

    /** Only admins; every such read is audited. */
    static boolean seesIdNumber(StrataPrincipal viewer) {
        return viewer.has(Role.ADMIN);
    }

    /** "13812345678" → "138****5678". */
    static String maskPhone(String phone) {
        return keepEnds(phone, 3, 4);
    }

    /** "110101199003071234" → "1101**********1234". */
    static String maskIdNumber(String idNumber) {
        return keepEnds(idNumber, 4, 4);
    }

    private static String keepEnds(String value, int head, int tail) {
        if (value == null) {
            return null;
        }
        if (value.length() <= head + tail) {
            return "*".repeat(value.length());
        }
        return value.substring(0, head) + "*".repeat(value.length() - head - tail) + value.substring(value.length() - tail);
    }
}
