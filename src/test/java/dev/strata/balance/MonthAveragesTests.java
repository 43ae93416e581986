package dev.strata.balance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;

import dev.strata.balance.BalanceMonth.Day;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The month-average calculator, month by month with carry-over, against a day-by-day oracle. */
class MonthAveragesTests {

    @Test
    void chainedMonthsMatchTheDayByDayOracleOnRandomEntries() {
        Random random = new Random(20261123);
        for (int iteration = 0; iteration < 3000; iteration++) {
            YearMonth start = YearMonth.of(2023 + random.nextInt(4), 1 + random.nextInt(12));
            LocalDate today = start.plusMonths(random.nextInt(5)).atDay(1).plusDays(random.nextInt(31));
            Map<LocalDate, Day> entries = randomEntries(random, start.atDay(1), today);
            NavigableMap<YearMonth, BalanceOracle.Averages> expected = BalanceOracle.averages(entries, today);
            assertThat(chained(start, entries, today)).as("iteration %d, today %s, entries %s", iteration, today, entries)
                    .isEqualTo(expected);
        }
    }

    @Test
    void theCurrentMonthCountsOnlyUpToToday() {
        LocalDate today = LocalDate.of(2026, 11, 10);
        Map<Integer, Day> days = Map.of(1, day("100", "1000"), 6, day("200", null));
        MonthAverages.Result result = MonthAverages.compute(YearMonth.of(2026, 11), days, null, today);
        // days 1-5 at 100, days 6-10 at 200; AUM 1000 throughout
        assertThat(result.avgDailyDeposit()).isEqualByComparingTo("150.00");
        assertThat(result.avgDailyAum()).isEqualByComparingTo("1000.00");
        assertThat(result.countedDays()).isEqualTo(10);
    }

    @Test
    void daysBeforeTheFirstKnownBalanceDoNotCount() {
        Map<Integer, Day> days = Map.of(21, day("300", "400"));
        MonthAverages.Result result = MonthAverages.compute(YearMonth.of(2026, 9), days, null, LocalDate.of(2026, 11, 1));
        assertThat(result.countedDays()).isEqualTo(10);
        assertThat(result.avgDailyDeposit()).isEqualByComparingTo("300.00");
        assertThat(result.closing()).isEqualTo(day("300", "400"));
    }

    @Test
    void aMonthWithoutEntriesCarriesTheBalanceItStartsWith() {
        MonthAverages.Result result = MonthAverages.compute(YearMonth.of(2026, 2), Map.of(), day("10.01", null),
                LocalDate.of(2026, 11, 1));
        assertThat(result.avgDailyDeposit()).isEqualByComparingTo("10.01");
        assertThat(result.avgDailyAum()).isEqualByComparingTo("0.00");
        assertThat(result.countedDays()).isEqualTo(28);
    }

    @Test
    void averagesRoundHalfEvenToTwoDecimals() {
        // deposits (0.02 + 0.03) / 2 = 0.025 -> 0.02; AUM (0.01 + 0.02) / 2 = 0.015 -> 0.02
        var result = MonthAverages.compute(YearMonth.of(2026, 11), Map.of(1, day("0.02", "0.01"), 2, day("0.03", "0.02")),
                null, LocalDate.of(2026, 11, 2));
        assertThat(result.avgDailyDeposit()).isEqualByComparingTo("0.02");
        assertThat(result.avgDailyAum()).isEqualByComparingTo("0.02");
    }

    @Test
    void nothingIsKnownBeforeTheFirstBalanceOrAfterToday() {
        assertThat(MonthAverages.compute(YearMonth.of(2026, 10), Map.of(), null, LocalDate.of(2026, 11, 1))).isNull();
        assertThat(MonthAverages.compute(YearMonth.of(2026, 12), Map.of(1, day("1", "1")), null, LocalDate.of(2026, 11, 1)))
                .isNull();
    }

    /** Runs the calculator month by month from {@code start}, carrying each month's closing balance into the next. */
    private static NavigableMap<YearMonth, BalanceOracle.Averages> chained(YearMonth start, Map<LocalDate, Day> entries,
            LocalDate today) {
        NavigableMap<YearMonth, BalanceOracle.Averages> result = new TreeMap<>();
        Day carry = null;
        for (YearMonth month = start; !month.isAfter(YearMonth.from(today)); month = month.plusMonths(1)) {
            Map<Integer, Day> days = new HashMap<>();
            YearMonth m = month;
            entries.forEach((date, day) -> {
                if (YearMonth.from(date).equals(m)) {
                    days.put(date.getDayOfMonth(), day);
                }
            });
            MonthAverages.Result r = MonthAverages.compute(month, days, carry, today);
            if (r != null) {
                result.put(month, new BalanceOracle.Averages(r.avgDailyDeposit().toPlainString(),
                        r.avgDailyAum().toPlainString()));
                carry = r.closing();
            }
        }
        return result;
    }

    /** A sparse, uneven set of entries between {@code from} and {@code to}, some without AUM, sometimes none at all. */
    static Map<LocalDate, Day> randomEntries(Random random, LocalDate from, LocalDate to) {
        Map<LocalDate, Day> entries = new HashMap<>();
        int span = (int) (to.toEpochDay() - from.toEpochDay()) + 1;
        int count = random.nextInt(4) == 0 ? random.nextInt(3) : random.nextInt(Math.max(1, span / 2));
        for (int i = 0; i < count; i++) {
            LocalDate date = from.plusDays(random.nextInt(span));
            entries.put(date, new Day(amount(random), random.nextInt(3) == 0 ? null : amount(random)));
        }
        return entries;
    }

    static BigDecimal amount(Random random) {
        return BigDecimal.valueOf(random.nextInt(random.nextBoolean() ? 1_000 : 100_000_000), 2);
    }

    private static Day day(String deposits, String aum) {
        return new Day(new BigDecimal(deposits), aum == null ? null : new BigDecimal(aum));
    }
}
