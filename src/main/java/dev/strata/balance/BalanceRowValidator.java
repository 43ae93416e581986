package dev.strata.balance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.strata.graphql.UserError;

/**
 * Checks one {@code recordDailyBalances} entry against the feed's rules, so a bad entry is reported by
 * index and field while the good ones are stored.
 */
final class BalanceRowValidator {

    /** Far above any real balance, and well inside what Decimal128 stores exactly. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000000");

    private final LocalDate today;
    private final LocalDate earliest;
    private final Set<String> knownRefs;

    /** @param knownRefs the externalRefs of the batch that name an existing customer */
    BalanceRowValidator(LocalDate today, Set<String> knownRefs) {
        this.today = today;
        this.earliest = earliestDate(today);
        this.knownRefs = knownRefs;
    }

    /** The first day of the month {@value BalanceLedger#HISTORY_MONTHS} months before today's. */
    static LocalDate earliestDate(LocalDate today) {
        return YearMonth.from(today).minusMonths(BalanceLedger.HISTORY_MONTHS).atDay(1);
    }

    List<UserError> validate(int index, DailyBalanceInput row) {
        Errors errors = new Errors(index);
        if (row.externalRef() == null || row.externalRef().isBlank()) {
            errors.add("externalRef", "REQUIRED", "externalRef is required");
        } else if (!knownRefs.contains(row.externalRef())) {
            errors.add("externalRef", "UNKNOWN_CUSTOMER", "no customer with externalRef " + row.externalRef());
        }
        if (row.date() == null) {
            errors.add("date", "REQUIRED", "date is required");
        } else if (row.date().isAfter(today)) {
            errors.add("date", "FUTURE_DATE", "date must not be in the future");
        } else if (row.date().isBefore(earliest)) {
            errors.add("date", "TOO_OLD", "date must be on or after " + earliest);
        }
        if (row.deposits() == null) {
            errors.add("deposits", "REQUIRED", "deposits is required");
        } else {
            checkMoney(row.deposits(), "deposits", errors);
        }
        checkMoney(row.aum(), "aum", errors);
        return errors.list;
    }

    private static void checkMoney(BigDecimal amount, String field, Errors errors) {
        if (amount == null) {
            return;
        }
        if (amount.signum() < 0) {
            errors.add(field, "NEGATIVE", field + " must not be negative");
        } else if (amount.stripTrailingZeros().scale() > Amounts.SCALE) {
            errors.add(field, "TOO_PRECISE", field + " must have at most 2 decimals");
        } else if (amount.compareTo(MAX_AMOUNT) >= 0) {
            errors.add(field, "TOO_LARGE", field + " must be below " + MAX_AMOUNT.toPlainString());
        }
    }

    /** Collects the errors of one entry with the path {@code entries.<index>.<field>}. */
    private static final class Errors {
        private final String index;
        private final List<UserError> list = new ArrayList<>();

        Errors(int index) {
            this.index = String.valueOf(index);
        }

        void add(String field, String code, String message) {
            list.add(UserError.of(code, message, "entries", index, field));
        }
    }
}
