package dev.strata.graphql;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The errors of one row of a batch, each with the path {@code <list>.<index>.<field>}, and the money rule every feed shares. */
public final class RowErrors {

    /** Far above any real amount, and well inside what Decimal128 stores exactly. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000000");
    private static final int MONEY_SCALE = 2;

    private final String list;
    private final String index;
    private final List<UserError> errors = new ArrayList<>();

    public RowErrors(String list, int index) {
        this.list = list;
        this.index = String.valueOf(index);
    }

    public void add(String field, String code, String message) {
        errors.add(UserError.of(code, message, list, index, field));
    }

    /** Checks an optional amount: non-negative, at most two decimals, below {@link #MAX_AMOUNT}. */
    public void money(BigDecimal amount, String field) {
        if (amount == null) {
            return;
        }
        if (amount.signum() < 0) {
            add(field, "NEGATIVE", field + " must not be negative");
        } else if (amount.stripTrailingZeros().scale() > MONEY_SCALE) {
            add(field, "TOO_PRECISE", field + " must have at most 2 decimals");
        } else if (amount.compareTo(MAX_AMOUNT) >= 0) {
            add(field, "TOO_LARGE", field + " must be below " + MAX_AMOUNT.toPlainString());
        }
    }

    /** Whether an amount passes {@link #money}. */
    public static boolean isMoney(BigDecimal amount) {
        RowErrors probe = new RowErrors("", 0);
        probe.money(amount, "amount");
        return probe.errors.isEmpty();
    }

    public List<UserError> list() {
        return errors;
    }
}
