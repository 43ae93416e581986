package dev.strata.balance;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.strata.balance.BalanceMonth.Day;
import dev.strata.customer.Customer;
import dev.strata.customer.CustomerService;
import dev.strata.customer.CustomerService.BalanceProfile;
import dev.strata.customer.CustomerWrites;
import dev.strata.graphql.BadRequestException;
import dev.strata.graphql.RowResult;
import dev.strata.graphql.UserError;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The feed's daily balances: checked per entry, averaged per customer with carry-forward, stored in a handful of commands. */
@Service
public class DailyBalanceService {

    public static final int MAX_ENTRIES = 1000;

    private final MongoTemplate mongo;
    private final CustomerService customers;
    private final CustomerWrites customerWrites;
    private final Clock clock;
    private final ZoneId zone;

    DailyBalanceService(MongoTemplate mongo, CustomerService customers, CustomerWrites writes, Clock clock,
            @Value("${strata.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.mongo = mongo;
        this.customers = customers;
        this.customerWrites = writes;
        this.clock = clock;
        this.zone = zone;
    }

    /** A validated entry and the row it came from. */
    private record Entry(int index, String externalRef, Day day) {
    }

    @PreAuthorize("hasAnyRole('ADMIN','SERVICE')")
    public RecordDailyBalancesPayload record(DailyBalanceInput.Batch batch) {
        List<DailyBalanceInput> rows = batch == null || batch.entries() == null ? List.of() : batch.entries();
        if (rows.size() > MAX_ENTRIES) {
            return RecordDailyBalancesPayload.refused(UserError.tooMany(MAX_ENTRIES, "entries"));
        }
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        Map<String, BalanceProfile> customers = customersByRef(rows);
        BalanceRowValidator validator = new BalanceRowValidator(today, customers.keySet());
        List<RowResult> rejected = new ArrayList<>();
        Map<String, Map<LocalDate, Entry>> byCustomer = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            DailyBalanceInput row = rows.get(i);
            BalanceProfile customer = row.externalRef() == null ? null : customers.get(row.externalRef());
            List<UserError> errors = validator.validate(i, row);
            if (errors.isEmpty() && byCustomer.getOrDefault(customer.id(), Map.of()).containsKey(row.date())) {
                errors = List.of(UserError.of("DUPLICATE_IN_BATCH", "this externalRef and date appear earlier in this batch",
                        "entries", String.valueOf(i), "date"));
            }
            if (!errors.isEmpty()) {
                rejected.add(new RowResult(i, row.externalRef(), customer == null ? null : customer.id(), errors));
                continue;
            }
            Day day = new Day(Amounts.money(row.deposits()), Amounts.money(row.aum()));
            byCustomer.computeIfAbsent(customer.id(), id -> new HashMap<>())
                    .put(row.date(), new Entry(i, row.externalRef(), day));
        }
        int unchanged = store(byCustomer, customers, today, now, rejected);
        rejected.sort(Comparator.comparingInt(RowResult::index));
        return new RecordDailyBalancesPayload(rows.size() - rejected.size(), unchanged, rejected, List.of());
    }

    /** The last {@code months} (1-24) months of a customer's averages, oldest first; read from the customer, no query. */
    public List<Customer.MonthlyBalance> history(Customer customer, Integer months) {
        int count = months == null ? 12 : months;
        if (count < 1 || count > BalanceLedger.HISTORY_MONTHS) {
            throw new BadRequestException("months must be between 1 and " + BalanceLedger.HISTORY_MONTHS);
        }
        List<Customer.MonthlyBalance> all = customer.balanceMonths().stream()
                .sorted(Comparator.comparing(Customer.MonthlyBalance::month)).toList();
        return all.subList(Math.max(0, all.size() - count), all.size());
    }

    /** Recomputes and writes; returns how many entries were already stored as sent. Refused customers' rows join {@code rejected}. */
    private int store(Map<String, Map<LocalDate, Entry>> byCustomer, Map<String, BalanceProfile> customers, LocalDate today,
            Instant now, List<RowResult> rejected) {
        if (byCustomer.isEmpty()) {
            return 0;
        }
        Map<String, BalanceProfile> byId = customers.values().stream()
                .collect(Collectors.toMap(BalanceProfile::id, Function.identity()));
        Map<String, List<BalanceMonth>> loaded = load(byCustomer, byId, YearMonth.from(today));
        Map<String, BalanceLedger.Outcome> outcomes = new HashMap<>();
        Map<String, BalanceLedger.Outcome> changed = new LinkedHashMap<>();
        List<BalanceLedger.MonthWrite> writes = new ArrayList<>();
        for (var customer : byCustomer.entrySet()) {
            Map<LocalDate, Day> entries = new TreeMap<>();
            customer.getValue().forEach((date, entry) -> entries.put(date, entry.day()));
            BalanceLedger.Outcome outcome = BalanceLedger.apply(customer.getKey(),
                    loaded.getOrDefault(customer.getKey(), List.of()), entries, byId.get(customer.getKey()).balanceMonths(),
                    today, now);
            outcomes.put(customer.getKey(), outcome);
            if (!outcome.writes().isEmpty()) {
                changed.put(customer.getKey(), outcome);
                writes.addAll(outcome.writes());
            }
        }
        Set<String> failed = BalanceWrites.writeMonths(mongo, writes, now);
        for (String customerId : failed) {
            changed.remove(customerId);
            outcomes.remove(customerId);
            byCustomer.get(customerId).values().forEach(entry -> rejected.add(new RowResult(entry.index(),
                    entry.externalRef(), customerId, List.of(UserError.of("CONFLICT",
                            "the store refused this customer's balances; retry the entry", "entries",
                            String.valueOf(entry.index()))))));
        }
        customerWrites.updateEach(BalanceWrites.customerUpdates(changed));
        return outcomes.values().stream().mapToInt(outcome -> outcome.unchanged().size()).sum();
    }

    /** Every month document the batch's customers may need, in one {@code $in} query on {@code _id}. */
    private Map<String, List<BalanceMonth>> load(Map<String, Map<LocalDate, Entry>> byCustomer, Map<String, BalanceProfile> byId,
            YearMonth current) {
        Set<String> ids = new HashSet<>();
        byCustomer.forEach((customerId, entries) -> {
            YearMonth earliest = entries.keySet().stream().map(YearMonth::from).min(Comparator.naturalOrder()).orElseThrow();
            YearMonth latestKnown = byId.get(customerId).balanceMonths().stream().map(Customer.MonthlyBalance::month)
                    .filter(Objects::nonNull).max(Comparator.naturalOrder()).map(YearMonth::parse).orElse(null);
            BalanceLedger.monthsToLoad(earliest, latestKnown, current).forEach(m -> ids.add(BalanceMonth.id(customerId, m)));
        });
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), BalanceMonth.class).stream()
                .collect(Collectors.groupingBy(BalanceMonth::customerId));
    }

    /** The batch's customers by externalRef, in one {@code $in} query on the unique externalRef. */
    private Map<String, BalanceProfile> customersByRef(List<DailyBalanceInput> rows) {
        Set<String> refs = rows.stream().map(DailyBalanceInput::externalRef).filter(Objects::nonNull).collect(Collectors.toSet());
        return refs.isEmpty() ? Map.of() : customers.balanceProfilesByRefUnscoped(refs);
    }
}
