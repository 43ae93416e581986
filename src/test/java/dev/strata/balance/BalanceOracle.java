package dev.strata.balance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import dev.strata.balance.BalanceMonth.Day;

/** The month-average rule done the slow, obvious way: walk every calendar day and carry the last balance. */
final class BalanceOracle {

    private BalanceOracle() {
    }

    /** Deposit and AUM averages of one month, as plain strings with two decimals. */
    record Averages(String deposits, String aum) {
    }

    /** Every month from the first entry's through today's, with its averages. */
    static NavigableMap<YearMonth, Averages> averages(Map<LocalDate, Day> entries, LocalDate today) {
        NavigableMap<YearMonth, Averages> result = new TreeMap<>();
        if (entries.isEmpty()) {
            return result;
        }
        LocalDate first = entries.keySet().stream().min(LocalDate::compareTo).orElseThrow();
        BigDecimal deposits = null;
        BigDecimal aum = null;
        BigDecimal depositSum = BigDecimal.ZERO;
        BigDecimal aumSum = BigDecimal.ZERO;
        int days = 0;
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            Day entry = entries.get(day);
            if (entry != null) {
                deposits = entry.deposits();
                if (entry.aum() != null) {
                    aum = entry.aum();
                }
            }
            depositSum = depositSum.add(deposits);
            aumSum = aumSum.add(aum == null ? BigDecimal.ZERO : aum);
            days++;
            if (day.equals(today) || day.getDayOfMonth() == day.lengthOfMonth()) {
                result.put(YearMonth.from(day), new Averages(divide(depositSum, days), divide(aumSum, days)));
                depositSum = BigDecimal.ZERO;
                aumSum = BigDecimal.ZERO;
                days = 0;
            }
        }
        return result;
    }

    private static String divide(BigDecimal sum, int days) {
        return sum.divide(BigDecimal.valueOf(days), 2, RoundingMode.HALF_EVEN).toPlainString();
    }
}
