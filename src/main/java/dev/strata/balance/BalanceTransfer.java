package dev.strata.balance;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.strata.customer.Customer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Moves a merged customer's month documents to the survivor that takes its core-banking reference, so carry-forward goes on there. */
@Component
public class BalanceTransfer {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final ZoneId zone;

    BalanceTransfer(MongoTemplate mongo, Clock clock, @Value("${strata.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.mongo = mongo;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * Re-keys the months of {@code fromCustomerId} from the earliest of {@code months} (the merged customer's
     * {@code balanceMonths}) through the current month to {@code toCustomerId}: one read, one bulk write, one
     * delete. Safe to retry; the caller copies {@code balanceMonths} onto the survivor itself.
     *
     * @return how many month documents moved
     */
    public int move(String fromCustomerId, String toCustomerId, List<Customer.MonthlyBalance> months) {
        YearMonth current = YearMonth.now(clock.withZone(zone));
        YearMonth earliest = months.stream().map(Customer.MonthlyBalance::month).filter(Objects::nonNull)
                .map(YearMonth::parse).min(YearMonth::compareTo).orElse(null);
        if (earliest == null || fromCustomerId.equals(toCustomerId)) {
            return 0;
        }
        List<String> ids = new ArrayList<>();
        for (YearMonth m = earliest; !m.isAfter(current); m = m.plusMonths(1)) {
            ids.add(BalanceMonth.id(fromCustomerId, m));
        }
        List<BalanceMonth> found = mongo.find(Query.query(Criteria.where("_id").in(ids)), BalanceMonth.class);
        if (found.isEmpty()) {
            return 0;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, BalanceMonth.class);
        for (BalanceMonth month : found) {
            BalanceMonth moved = new BalanceMonth(BalanceMonth.id(toCustomerId, month.yearMonth()), toCustomerId, month.month(),
                    month.days(), month.opening(), month.closing(), month.avgDailyDeposit(), month.avgDailyAum(), clock.instant());
            bulk.replaceOne(Query.query(Criteria.where("_id").is(moved.id())), moved,
                    FindAndReplaceOptions.options().upsert());
        }
        bulk.execute();
        mongo.remove(Query.query(Criteria.where("_id").in(found.stream().map(BalanceMonth::id).toList())), BalanceMonth.class);
        return found.size();
    }
}
