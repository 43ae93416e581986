package dev.strata.balance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.strata.security.Role;
import dev.strata.support.StrataIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Shared steps of the balance feed's full-stack tests: a feed account, customers, entries and the portrait's averages. */
abstract class BalanceFeedTestSupport extends StrataIntegrationTest {

    static final String PORTRAIT = """
            query($ref: String!, $months: Int) {
              customerByRef(externalRef: $ref) {
                updatedAt
                assets { monthlyAvgDailyDeposit }
                balanceHistory(months: $months) { month avgDailyDeposit avgDailyAum }
              }
            }
            """;

    /** Today where the bank is; the service reads the real clock in the same zone. */
    final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    final YearMonth current = YearMonth.from(today);
    String feed;

    @BeforeEach
    void feedAccount() {
        feed = userToken(unique("feed"), Role.SERVICE);
    }

    /** A new customer through the feed's upsert; returns its externalRef. */
    String customer() {
        String ref = unique("BAL");
        as(feed).documentName("feed/UpsertCustomers")
                .variable("input", Map.of("customers", List.of(Map.of("externalRef", ref, "name", "陈静")))).execute()
                .path("upsertCustomers.created").entity(Integer.class).isEqualTo(1);
        return ref;
    }

    GraphQlTester.Response record(List<Map<String, Object>> entries) {
        return as(feed).documentName("feed/RecordDailyBalances")
                .variable("input", Map.of("entries", entries)).execute();
    }

    GraphQlTester.Response portrait(String ref, int months) {
        return as(feed).document(PORTRAIT).variable("ref", ref).variable("months", months).execute();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> history(GraphQlTester.Response portrait) {
        return (List<Map<String, Object>>) (List<?>) portrait.path("customerByRef.balanceHistory").entityList(Map.class).get();
    }

    static Map<String, Object> entry(String ref, LocalDate date, String deposits, String aum) {
        Map<String, Object> entry = new HashMap<>();
        entry.put("externalRef", ref);
        entry.put("date", date.toString());
        entry.put("deposits", deposits);
        entry.put("aum", aum);
        return entry;
    }

    static Map<String, Object> month(YearMonth month, String deposits, String aum) {
        return Map.of("month", month.toString(), "avgDailyDeposit", deposits, "avgDailyAum", aum);
    }

    /** The average of {@code days1} days at {@code a} and {@code days2} days at {@code b}, as the API renders it. */
    static String average(int days1, String a, int days2, String b) {
        BigDecimal sum = new BigDecimal(a).multiply(BigDecimal.valueOf(days1)).add(new BigDecimal(b).multiply(BigDecimal.valueOf(days2)));
        return sum.divide(BigDecimal.valueOf(days1 + days2), 2, RoundingMode.HALF_EVEN).toPlainString();
    }
}
