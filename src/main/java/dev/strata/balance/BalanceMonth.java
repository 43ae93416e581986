package dev.strata.balance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One customer's daily balances and averages of one calendar month, keyed {@code <customerId>:<yyyy-MM>} so every read is by _id.
 *
 * @param days    the month's entries by two-digit day of month ("01".."31")
 * @param opening the balance carried in from earlier months, null before the first known one; with it a month
 *                can be recomputed on its own
 * @param closing the last known balance at the end of the month (or today), carried into the next
 */
@Document("balances")
public record BalanceMonth(
        @Id String id,
        String customerId,
        String month,
        Map<String, Day> days,
        Day opening,
        Day closing,
        BigDecimal avgDailyDeposit,
        BigDecimal avgDailyAum,
        Instant updatedAt) {

    public BalanceMonth {
        days = days == null ? Map.of() : days;
    }

    /** The balances of one day; a null {@code aum} means the feed sent none and the last known AUM carries on. */
    public record Day(BigDecimal deposits, BigDecimal aum) {

        /** Equal amounts, whatever their scale. */
        boolean sameAs(Day other) {
            return other != null && Amounts.same(deposits, other.deposits) && Amounts.same(aum, other.aum);
        }
    }

    public static String id(String customerId, YearMonth month) {
        return customerId + ":" + month;
    }

    static String dayKey(int dayOfMonth) {
        return dayOfMonth < 10 ? "0" + dayOfMonth : String.valueOf(dayOfMonth);
    }

    YearMonth yearMonth() {
        return YearMonth.parse(month);
    }

    /** The days by day of month (1-31). */
    Map<Integer, Day> daysByNumber() {
        Map<Integer, Day> byNumber = new TreeMap<>();
        days.forEach((key, day) -> byNumber.put(Integer.parseInt(key), day));
        return byNumber;
    }

    /** Whether the derived figures (carry-in, carry-out and averages) are those of {@code other}. */
    boolean sameFigures(BalanceMonth other) {
        return sameDay(opening, other.opening) && sameDay(closing, other.closing)
                && Amounts.same(avgDailyDeposit, other.avgDailyDeposit) && Amounts.same(avgDailyAum, other.avgDailyAum);
    }

    private static boolean sameDay(Day a, Day b) {
        return a == null ? b == null : a.sameAs(b);
    }
}
