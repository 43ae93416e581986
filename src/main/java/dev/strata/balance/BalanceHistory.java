package dev.strata.balance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.strata.balance.BalanceMonth.Day;
import dev.strata.customer.Customer;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads a new customer's past daily balances in bulk (a migration, the demo seeder): the month documents and the
 * averages the customer document must carry come from the same ledger rules the daily feed applies.
 */
@Component
public class BalanceHistory {

    private final MongoTemplate mongo;

    BalanceHistory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** One customer's month documents and the {@code balanceMonths} (oldest first, the current one last) they give. */
    public record Months(List<BalanceMonth> months, List<Customer.MonthlyBalance> balanceMonths) {

        /** The current month's averages, or null when no balance is known this month. */
        public Customer.MonthlyBalance current(LocalDate today) {
            String month = java.time.YearMonth.from(today).toString();
            return balanceMonths.stream().filter(m -> month.equals(m.month())).findFirst().orElse(null);
        }
    }

    /** The months of a customer with no stored balances yet, given their daily balances (within the last 24 months). */
    public static Months months(String customerId, Map<LocalDate, Day> days, LocalDate today, Instant now) {
        BalanceLedger.Outcome outcome = BalanceLedger.apply(customerId, List.of(), days, List.of(), today, now);
        return new Months(outcome.writes().stream().map(BalanceLedger.MonthWrite::month).toList(), outcome.balanceMonths());
    }

    /** Stores month documents of customers that have none yet, in one write. */
    public void load(List<BalanceMonth> months) {
        if (!months.isEmpty()) {
            mongo.insert(months, BalanceMonth.class);
        }
    }
}
