package dev.strata.balance;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money arithmetic of the balance feed in one place: two decimals, banker's rounding, scale-blind equality. */
final class Amounts {

    static final int SCALE = 2;

    private Amounts() {
    }

    /** Equal values (2.5 equals 2.50), nulls equal only to nulls. */
    static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** A validated amount at the stored scale; at most two decimals, so nothing is rounded. */
    static BigDecimal money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(SCALE, RoundingMode.UNNECESSARY);
    }

    static BigDecimal average(BigDecimal sum, int days) {
        return sum.divide(BigDecimal.valueOf(days), SCALE, RoundingMode.HALF_EVEN);
    }
}
