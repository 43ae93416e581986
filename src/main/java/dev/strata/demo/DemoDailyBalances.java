package dev.strata.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import dev.strata.balance.BalanceMonth.Day;
import dev.strata.customer.Customer;

/**
 * A customer's daily balances over the last 90 days as core banking would have sent them: a change every few days in
 * earlier months, and every day of the current month, ending on today's deposits and averaging exactly to the
 * portrait's monthly average daily deposit (what the tier is judged on), so the ledger agrees with the portrait.
 */
final class DemoDailyBalances {

    private final SplittableRandom random;

    DemoDailyBalances(SplittableRandom random) {
        this.random = random;
    }

    /** Daily entries by date, from {@code today} minus 89 days through today; investments ride on top as AUM. */
    Map<LocalDate, Day> days(Customer.AssetSummary assets, LocalDate today) {
        long deposits = cents(assets.deposits());
        long average = cents(assets.monthlyAvgDailyDeposit());
        long invested = cents(assets.aum()) - deposits;
        int n = today.getDayOfMonth();
        long[] month = currentMonth(deposits, average, n);
        Map<LocalDate, Day> days = new TreeMap<>();
        for (int d = 1; d <= n; d++) {
            days.put(today.withDayOfMonth(d), day(month[d - 1], invested));
        }
        LocalDate first = today.minusDays(DemoActivity.DAYS - 1L);
        long balance = month[0];
        for (LocalDate date = today.withDayOfMonth(1).minusDays(1); !date.isBefore(first);
                date = date.minusDays(1 + random.nextInt(8))) {
            balance = Math.max(0, Math.round(balance * (1 + 0.08 * random.nextGaussian())));
            days.put(date, day(balance, invested));
        }
        return days;
    }

    /**
     * The current month's days 1..n: today's deposits last, the days before a walk scaled to make the month's average
     * exactly {@code average}; when that cannot be (the 1st of the month, or a large deposit today) every day is scaled.
     */
    private long[] currentMonth(long deposits, long average, int n) {
        long[] days = new long[n];
        double level = average;
        for (int d = 0; d < n; d++) {
            level = Math.max(1, level * (1 + 0.02 * random.nextGaussian()));
            days[d] = Math.round(level);
        }
        long target = average * n;
        int free = n;
        if (n > 1 && target - deposits > n) {
            days[n - 1] = deposits;
            target -= deposits;
            free = n - 1;
        }
        long sum = 0;
        for (int d = 0; d < free; d++) {
            sum += days[d];
        }
        long scaled = 0;
        for (int d = 0; d < free; d++) {
            days[d] = Math.max(0, Math.round((double) days[d] * target / Math.max(1, sum)));
            scaled += days[d];
        }
        days[0] = Math.max(0, days[0] + target - scaled);
        return days;
    }

    private static Day day(long deposits, long invested) {
        BigDecimal amount = BigDecimal.valueOf(deposits, 2);
        return new Day(amount, BigDecimal.valueOf(deposits + invested, 2));
    }

    private static long cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
    }
}
