package dev.strata.balance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.MongoBulkWriteException;
import dev.strata.balance.BalanceMonth.Day;
import dev.strata.customer.Customer;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** Turns ledger outcomes into bulk writes (months here, customers through their write path), so a batch of 1,000 entries costs a handful of commands. */
final class BalanceWrites {

    static final String BALANCES = "balances";

    private BalanceWrites() {
    }

    /**
     * Upserts every changed month; each day the batch sends is set on its own, so concurrent batches for
     * other days of the same month keep theirs.
     *
     * @return the customers whose month writes the store refused
     */
    static Set<String> writeMonths(MongoTemplate mongo, List<BalanceLedger.MonthWrite> writes, Instant now) {
        if (writes.isEmpty()) {
            return Set.of();
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, BALANCES);
        for (BalanceLedger.MonthWrite write : writes) {
            BalanceMonth month = write.month();
            Update update = new Update().set("customerId", month.customerId()).set("month", month.month())
                    .set("opening", day(month.opening())).set("closing", day(month.closing()))
                    .set("avgDailyDeposit", decimal(month.avgDailyDeposit()))
                    .set("avgDailyAum", decimal(month.avgDailyAum())).set("updatedAt", Date.from(now));
            write.newDays().forEach((dayOfMonth, balance) -> update.set("days." + BalanceMonth.dayKey(dayOfMonth), day(balance)));
            bulk.upsert(Query.query(Criteria.where("_id").is(month.id())), update);
        }
        return failedCustomers(bulk, writes);
    }

    /** One update per customer: the last 24 months of averages and, when it moved, the current month's. */
    static Map<String, Update> customerUpdates(Map<String, BalanceLedger.Outcome> outcomes) {
        Map<String, Update> updates = new LinkedHashMap<>();
        outcomes.forEach((customerId, outcome) -> {
            Update update = new Update().set("balanceMonths", outcome.balanceMonths().stream().map(BalanceWrites::month).toList());
            if (outcome.currentChanged() && outcome.currentMonth() != null) {
                update.set("assets.monthlyAvgDailyDeposit", decimal(outcome.currentMonth().avgDailyDeposit()));
            }
            updates.put(customerId, update);
        });
        return updates;
    }

    private static Set<String> failedCustomers(BulkOperations bulk, List<BalanceLedger.MonthWrite> writes) {
        List<Integer> failed = new ArrayList<>();
        try {
            bulk.execute();
        } catch (BulkOperationException e) {
            e.getErrors().forEach(error -> failed.add(error.getIndex()));
        } catch (MongoBulkWriteException e) {
            e.getWriteErrors().forEach(error -> failed.add(error.getIndex()));
        }
        Set<String> customers = new HashSet<>();
        failed.forEach(index -> customers.add(writes.get(index).month().customerId()));
        return customers;
    }

    private static Document month(Customer.MonthlyBalance month) {
        return new Document("month", month.month()).append("avgDailyDeposit", decimal(month.avgDailyDeposit()))
                .append("avgDailyAum", decimal(month.avgDailyAum()));
    }

    /** Written as BSON by hand (money as Decimal128), so nothing depends on how an update maps a map of records. */
    private static Document day(Day day) {
        if (day == null) {
            return null;
        }
        Document document = new Document("deposits", decimal(day.deposits()));
        if (day.aum() != null) {
            document.append("aum", decimal(day.aum()));
        }
        return document;
    }

    private static Decimal128 decimal(BigDecimal amount) {
        return amount == null ? null : new Decimal128(amount);
    }
}
