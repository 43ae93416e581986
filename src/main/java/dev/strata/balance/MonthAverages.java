package dev.strata.balance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

import dev.strata.balance.BalanceMonth.Day;

/** The month-average rule as one pure function, so it can be checked against a day-by-day oracle. */
final class MonthAverages {

    private MonthAverages() {
    }

    /** A month's averages over its counted days, and the balance it carries into the next month. */
    record Result(BigDecimal avgDailyDeposit, BigDecimal avgDailyAum, Day closing, int countedDays) {
    }

    /**
     * Every calendar day counts, a day without an entry carries the last known balance (an entry without AUM
     * carries the last known AUM, 0 if none), days before the first known balance do not count, and the
     * current month counts only up to today.
     *
     * @param days    the month's entries by day of month
     * @param carryIn the last known balance before the month, or null if none is known
     * @return null if no day of the month has a known balance (or the month has not begun)
     */
    static Result compute(YearMonth month, Map<Integer, Day> days, Day carryIn, LocalDate today) {
        YearMonth current = YearMonth.from(today);
        if (month.isAfter(current)) {
            return null;
        }
        int lastDay = month.equals(current) ? today.getDayOfMonth() : month.lengthOfMonth();
        BigDecimal deposits = carryIn == null ? null : carryIn.deposits();
        BigDecimal aum = carryIn == null ? null : carryIn.aum();
        BigDecimal depositSum = BigDecimal.ZERO;
        BigDecimal aumSum = BigDecimal.ZERO;
        int counted = 0;
        for (int day = 1; day <= lastDay; day++) {
            Day entry = days.get(day);
            if (entry != null) {
                deposits = entry.deposits();
                aum = entry.aum() != null ? entry.aum() : aum;
            }
            if (deposits != null) {
                depositSum = depositSum.add(deposits);
                aumSum = aum != null ? aumSum.add(aum) : aumSum;
                counted++;
            }
        }
        if (counted == 0) {
            return null;
        }
        return new Result(Amounts.average(depositSum, counted), Amounts.average(aumSum, counted), new Day(deposits, aum),
                counted);
    }
}
