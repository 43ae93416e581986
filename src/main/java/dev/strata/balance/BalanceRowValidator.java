package dev.strata.balance;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import dev.strata.graphql.RowErrors;
import dev.strata.graphql.UserError;

/**
 * Checks one {@code recordDailyBalances} entry against the feed's rules, so a bad entry is reported by
 * index and field while the good ones are stored.
 */
final class BalanceRowValidator {

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
        RowErrors errors = new RowErrors("entries", index);
        if (row.externalRef() == null || row.externalRef().isBlank()) {
            errors.add("externalRef", "REQUIRED", "externalRef is required");
        } else if (!knownRefs.contains(row.externalRef())) {
            errors.add("externalRef", "UNKNOWN_CUSTOMER", "no customer with this externalRef");
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
            errors.money(row.deposits(), "deposits");
        }
        errors.money(row.aum(), "aum");
        return errors.list();
    }

}
