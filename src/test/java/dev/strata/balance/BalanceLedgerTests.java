package dev.strata.balance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.strata.balance.BalanceMonth.Day;
import dev.strata.customer.Customer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The write path's recomputation, replayed over many batches against an in-memory store exactly as the
 * service loads and writes: back-dated entries, quiet months, replays and the passing of time must all leave
 * the stored months and the customer's 24 months equal to the day-by-day oracle.
 */
class BalanceLedgerTests {

    private static final String CUSTOMER = "c1";
    private static final Instant NOW = Instant.parse("2026-11-23T00:00:00Z");

    @Test
    void storedMonthsMatchTheOracleAfterEveryBatch() {
        Random random = new Random(7);
        for (int run = 0; run < 300; run++) {
            Simulation simulation = new Simulation();
            LocalDate today = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(900));
            for (int batch = 0; batch < 15; batch++) {
                today = today.plusDays(advance(random));
                if (simulation.record(batch(random, simulation, today), today) == null) {
                    continue;
                }
                simulation.assertMatchesOracle(today, "run " + run + " batch " + batch);
            }
        }
    }

    @Test
    void aReplayWritesNothingAndCountsEveryEntryUnchanged() {
        Simulation simulation = new Simulation();
        LocalDate today = LocalDate.of(2026, 11, 23);
        Map<LocalDate, Day> entries = Map.of(today.minusDays(40), day("100"), today.minusDays(3), day("250.5"), today, day("7"));
        simulation.record(entries, today);
        BalanceLedger.Outcome replay = simulation.record(entries, today);
        assertThat(replay.writes()).isEmpty();
        assertThat(replay.unchanged()).isEqualTo(entries.keySet());
    }

    @Test
    void aBackDatedEntryRewritesTheLaterMonthsItCarriesInto() {
        Simulation simulation = new Simulation();
        LocalDate today = LocalDate.of(2026, 11, 23);
        simulation.record(Map.of(LocalDate.of(2026, 8, 10), day("100"), LocalDate.of(2026, 11, 20), day("300")), today);
        BalanceLedger.Outcome backDated = simulation.record(Map.of(LocalDate.of(2026, 8, 20), day("200")), today);
        assertThat(backDated.writes()).extracting(w -> w.month().month())
                .containsExactly("2026-08", "2026-09", "2026-10", "2026-11");
        assertThat(backDated.currentChanged()).isTrue();
        assertThat(simulation.months.get(YearMonth.of(2026, 9)).avgDailyDeposit()).isEqualByComparingTo("200.00");
    }

    @Test
    void aQuietCustomerLoadsItsLatestMonthForTheCarryIn() {
        YearMonth current = YearMonth.of(2026, 11);
        assertThat(BalanceLedger.monthsToLoad(current, current, current)).containsExactly(current);
        assertThat(BalanceLedger.monthsToLoad(current, current.minusMonths(3), current)).hasSize(4);
        assertThat(BalanceLedger.monthsToLoad(current, YearMonth.of(2020, 1), current))
                .contains(YearMonth.of(2020, 1), current.minusMonths(24), current).hasSize(26);
        assertThat(BalanceLedger.monthsToLoad(current.minusMonths(5), current, current)).hasSize(6);
    }

    /** Mostly a few days, sometimes months, now and then a quiet spell of years. */
    private static int advance(Random random) {
        int kind = random.nextInt(20);
        return kind == 0 ? random.nextInt(1500) : kind < 5 ? random.nextInt(120) : random.nextInt(20);
    }

    /** Entries for one batch: mostly recent days, some back-dated, sometimes a replay of earlier ones. */
    private static Map<LocalDate, Day> batch(Random random, Simulation simulation, LocalDate today) {
        LocalDate earliest = BalanceRowValidator.earliestDate(today);
        Map<LocalDate, Day> entries = new HashMap<>();
        if (random.nextInt(5) == 0 && !simulation.all.isEmpty()) {
            simulation.all.forEach((date, day) -> {
                if (!date.isBefore(earliest) && random.nextBoolean()) {
                    entries.put(date, day);
                }
            });
        }
        LocalDate from = random.nextInt(3) == 0 ? earliest : today.minusDays(random.nextInt(40));
        entries.putAll(MonthAveragesTests.randomEntries(random, from.isBefore(earliest) ? earliest : from, today));
        return entries;
    }

    private static Day day(String deposits) {
        return new Day(new java.math.BigDecimal(deposits), null);
    }

    /** One customer's months and summary, kept the way the service keeps them in MongoDB. */
    private static final class Simulation {
        final NavigableMap<YearMonth, BalanceMonth> months = new TreeMap<>();
        final Map<LocalDate, Day> all = new HashMap<>();
        List<Customer.MonthlyBalance> summary = List.of();

        BalanceLedger.Outcome record(Map<LocalDate, Day> entries, LocalDate today) {
            if (entries.isEmpty()) {
                return null;
            }
            YearMonth earliest = entries.keySet().stream().map(YearMonth::from).min(YearMonth::compareTo).orElseThrow();
            YearMonth latestKnown = summary.isEmpty() ? null : YearMonth.parse(summary.get(summary.size() - 1).month());
            Set<YearMonth> ids = BalanceLedger.monthsToLoad(earliest, latestKnown, YearMonth.from(today));
            List<BalanceMonth> loaded = ids.stream().map(months::get).filter(m -> m != null).collect(Collectors.toList());
            BalanceLedger.Outcome outcome = BalanceLedger.apply(CUSTOMER, loaded, new TreeMap<>(entries), summary, today, NOW);
            for (BalanceLedger.MonthWrite write : outcome.writes()) {
                BalanceMonth before = months.get(write.month().yearMonth());
                Map<String, Day> days = new TreeMap<>(before == null ? Map.of() : before.days());
                write.newDays().forEach((d, day) -> days.put(BalanceMonth.dayKey(d), day));
                BalanceMonth m = write.month();
                assertThat(days).isEqualTo(m.days());
                months.put(m.yearMonth(), m);
            }
            if (!outcome.writes().isEmpty()) {
                summary = outcome.balanceMonths();
            }
            all.putAll(entries);
            return outcome;
        }

        void assertMatchesOracle(LocalDate today, String description) {
            NavigableMap<YearMonth, BalanceOracle.Averages> expected = BalanceOracle.averages(all, today);
            for (BalanceMonth month : months.values()) {
                assertThat(new BalanceOracle.Averages(month.avgDailyDeposit().toPlainString(), month.avgDailyAum().toPlainString()))
                        .as("%s: stored %s", description, month.month()).isEqualTo(expected.get(month.yearMonth()));
            }
            List<YearMonth> lastMonths = new ArrayList<>(expected.keySet());
            lastMonths = lastMonths.subList(Math.max(0, lastMonths.size() - BalanceLedger.HISTORY_MONTHS), lastMonths.size());
            assertThat(summary).extracting(Customer.MonthlyBalance::month).as("%s: summary months", description)
                    .containsExactlyElementsOf(lastMonths.stream().map(YearMonth::toString).toList());
            for (Customer.MonthlyBalance month : summary) {
                assertThat(new BalanceOracle.Averages(month.avgDailyDeposit().toPlainString(), month.avgDailyAum().toPlainString()))
                        .as("%s: summary %s", description, month.month()).isEqualTo(expected.get(YearMonth.parse(month.month())));
            }
        }
    }
}
