package dev.strata.balance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.strata.balance.BalanceMonth.Day;
import dev.strata.customer.Customer;

/** Recomputes a customer's months after a batch, through today, so a back-dated entry reaches every later month. */
final class BalanceLedger {

    /** Months of averages kept on the customer, and how many months before the current one an entry may go back. */
    static final int HISTORY_MONTHS = 24;

    private BalanceLedger() {
    }

    /** A month document to upsert, with the days this batch sets in it. */
    record MonthWrite(BalanceMonth month, Map<Integer, Day> newDays) {
    }

    /** What a batch does to one customer; no writes means nothing changed. */
    record Outcome(List<MonthWrite> writes, Set<LocalDate> unchanged, List<Customer.MonthlyBalance> balanceMonths,
            Customer.MonthlyBalance currentMonth, boolean currentChanged) {
    }

    /**
     * The months to load for a customer: every month from its earliest entry through the current month, and
     * its latest known month, which holds the carry-in and may have been averaged while it was still the
     * current month. When the latest known month lies in between, the range starts there, so no month that
     * exists is overlooked; it never starts before the earliest month an entry may touch, as older months
     * are never materialised after a quiet spell. An earlier month's balance reaches the earliest entry's
     * month through that month's stored {@code opening}.
     */
    static Set<YearMonth> monthsToLoad(YearMonth earliestEntry, YearMonth latestKnown, YearMonth current) {
        YearMonth from = earliestEntry;
        Set<YearMonth> months = new LinkedHashSet<>();
        if (latestKnown != null) {
            YearMonth windowStart = current.minusMonths(HISTORY_MONTHS);
            YearMonth reach = latestKnown.isAfter(windowStart) ? latestKnown : windowStart;
            from = reach.isBefore(from) ? reach : from;
            months.add(latestKnown);
        }
        for (YearMonth m = from; !m.isAfter(current); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    /**
     * @param loaded   the customer's month documents found for {@link #monthsToLoad}
     * @param entries  this batch's validated entries of the customer, by date
     * @param previous the averages the customer document holds now
     */
    static Outcome apply(String customerId, Collection<BalanceMonth> loaded, Map<LocalDate, Day> entries,
            List<Customer.MonthlyBalance> previous, LocalDate today, Instant now) {
        YearMonth current = YearMonth.from(today);
        TreeMap<YearMonth, BalanceMonth> existing = new TreeMap<>();
        loaded.stream().filter(m -> !m.yearMonth().isAfter(current)).forEach(m -> existing.put(m.yearMonth(), m));
        TreeMap<YearMonth, Map<Integer, Day>> touched = new TreeMap<>();
        Set<LocalDate> unchanged = new HashSet<>();
        entries.forEach((date, day) -> {
            BalanceMonth month = existing.get(YearMonth.from(date));
            Day stored = month == null ? null : month.days().get(BalanceMonth.dayKey(date.getDayOfMonth()));
            if (day.sameAs(stored)) {
                unchanged.add(date);
            } else {
                touched.computeIfAbsent(YearMonth.from(date), m -> new TreeMap<>()).put(date.getDayOfMonth(), day);
            }
        });
        if (existing.isEmpty() && touched.isEmpty()) {
            return new Outcome(List.of(), unchanged, previous, null, false);
        }
        YearMonth first = first(existing, touched);
        YearMonth windowStart = current.minusMonths(HISTORY_MONTHS);
        Day carry = existing.containsKey(first) ? existing.get(first).opening() : null;
        List<MonthWrite> writes = new ArrayList<>();
        TreeMap<String, Customer.MonthlyBalance> months = new TreeMap<>();
        for (YearMonth m = first; !m.isAfter(current); m = m.plusMonths(1)) {
            BalanceMonth before = existing.get(m);
            Map<Integer, Day> newDays = touched.getOrDefault(m, Map.of());
            Map<Integer, Day> days = new TreeMap<>(before == null ? Map.of() : before.daysByNumber());
            days.putAll(newDays);
            MonthAverages.Result result = MonthAverages.compute(m, days, carry, today);
            if (result == null) {
                continue;
            }
            // a quiet month is stored too (its average is the carried balance), unless no entry can reach it any more
            if (before != null || !newDays.isEmpty() || !m.isBefore(windowStart)) {
                BalanceMonth after = new BalanceMonth(BalanceMonth.id(customerId, m), customerId, m.toString(), keyed(days),
                        carry, result.closing(), result.avgDailyDeposit(), result.avgDailyAum(), now);
                if (before == null || !newDays.isEmpty() || !before.sameFigures(after)) {
                    writes.add(new MonthWrite(after, newDays));
                }
                months.put(m.toString(), new Customer.MonthlyBalance(m.toString(), result.avgDailyDeposit(),
                        result.avgDailyAum()));
            }
            carry = result.closing();
        }
        boolean currentChanged = writes.stream().anyMatch(w -> w.month().month().equals(current.toString()));
        return new Outcome(writes, unchanged, merge(previous, months, first, current), months.get(current.toString()),
                currentChanged);
    }

    private static YearMonth first(TreeMap<YearMonth, BalanceMonth> existing, TreeMap<YearMonth, Map<Integer, Day>> touched) {
        if (existing.isEmpty()) {
            return touched.firstKey();
        }
        if (touched.isEmpty()) {
            return existing.firstKey();
        }
        return existing.firstKey().isBefore(touched.firstKey()) ? existing.firstKey() : touched.firstKey();
    }

    /** The customer's months before {@code first} as they were, then the recomputed ones; the last 24, oldest first. */
    private static List<Customer.MonthlyBalance> merge(List<Customer.MonthlyBalance> previous,
            TreeMap<String, Customer.MonthlyBalance> recomputed, YearMonth first, YearMonth current) {
        TreeMap<String, Customer.MonthlyBalance> all = new TreeMap<>();
        previous.stream().filter(m -> m.month() != null && m.month().compareTo(first.toString()) < 0)
                .forEach(m -> all.put(m.month(), m));
        all.putAll(recomputed);
        List<Customer.MonthlyBalance> list = new ArrayList<>(all.headMap(current.toString(), true).values());
        return List.copyOf(list.subList(Math.max(0, list.size() - HISTORY_MONTHS), list.size()));
    }

    private static Map<String, Day> keyed(Map<Integer, Day> days) {
        Map<String, Day> keyed = new TreeMap<>();
        days.forEach((day, balance) -> keyed.put(BalanceMonth.dayKey(day), balance));
        return keyed;
    }
}
