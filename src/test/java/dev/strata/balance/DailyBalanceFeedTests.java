package dev.strata.balance;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.strata.graphql.GlobalId;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily balance feed end to end through the client document: bad entries reported by index and field while
 * good ones are stored, replays, back-dating and carried months, as the customer's averages show them.
 */
class DailyBalanceFeedTests extends BalanceFeedTestSupport {

    @Autowired
    MongoTemplate mongo;

    @Test
    void goodEntriesAreStoredWhileEachBadEntryIsReportedByIndexAndField() {
        String ref = customer();
        YearMonth previous = current.minusMonths(1);
        List<Map<String, Object>> entries = List.of(
                entry(ref, current.minusMonths(2).atDay(10), "1000.00", "1500"),
                entry(ref, previous.atDay(15), "2000", null),
                entry(ref, today, "3000.50", "4000"),
                entry(ref, today.plusDays(1), "10", null),
                entry(ref, previous.atDay(5), "-1", null),
                entry(ref, previous.atDay(6), "1.005", null),
                entry(unique("NOBODY"), previous.atDay(7), "10", null),
                entry(ref, previous.atDay(8), "10", "-5"),
                entry(ref, current.minusMonths(25).atDay(1), "10", null),
                entry(ref, current.minusMonths(2).atDay(10), "1000.00", "1500"));
        GraphQlTester.Response response = record(entries);
        response.path("recordDailyBalances.accepted").entity(Integer.class).isEqualTo(3)
                .path("recordDailyBalances.unchanged").entity(Integer.class).isEqualTo(0)
                .path("recordDailyBalances.userErrors").entityList(Object.class).hasSize(0)
                .path("recordDailyBalances.rejected[*].index").entityList(Integer.class).containsExactly(3, 4, 5, 6, 7, 8, 9)
                .path("recordDailyBalances.rejected[*].userErrors[0].code").entityList(String.class)
                .containsExactly("FUTURE_DATE", "NEGATIVE", "TOO_PRECISE", "UNKNOWN_CUSTOMER", "NEGATIVE", "TOO_OLD",
                        "DUPLICATE_IN_BATCH")
                .path("recordDailyBalances.rejected[4].externalRef").entity(String.class).isEqualTo(ref)
                .path("recordDailyBalances.rejected[4].customer.id").entity(String.class).satisfies(id -> assertThat(id).isNotBlank());
        List<List<String>> fields = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            fields.add(response.path("recordDailyBalances.rejected[" + i + "].userErrors[0].field").entityList(String.class).get());
        }
        assertThat(fields).containsExactly(List.of("entries", "3", "date"), List.of("entries", "4", "deposits"),
                List.of("entries", "5", "deposits"), List.of("entries", "6", "externalRef"), List.of("entries", "7", "aum"),
                List.of("entries", "8", "date"), List.of("entries", "9", "date"));

        int d = today.getDayOfMonth();
        int previousLength = previous.lengthOfMonth();
        GraphQlTester.Response portrait = portrait(ref, 24);
        assertThat(history(portrait)).containsExactly(
                month(current.minusMonths(2), "1000.00", "1500.00"),
                month(previous, average(14, "1000", previousLength - 14, "2000"), "1500.00"),
                month(current, average(d - 1, "2000", 1, "3000.50"), average(d - 1, "1500", 1, "4000")));
        portrait.path("customerByRef.assets.monthlyAvgDailyDeposit").entity(String.class)
                .isEqualTo(average(d - 1, "2000", 1, "3000.50"));
        assertThat(history(portrait(ref, 2))).extracting(m -> m.get("month"))
                .containsExactly(previous.toString(), current.toString());

        String customerId = response.path("recordDailyBalances.rejected[4].customer.id").entity(String.class).get();
        Document stored = mongo.findById(GlobalId.localId(customerId, "Customer") + ":" + previous,
                Document.class, "balances");
        assertThat(stored.get("days", Document.class)).containsOnlyKeys("15");
        assertThat(stored.get("days", Document.class).get("15", Document.class).get("deposits"))
                .isEqualTo(new Decimal128(new BigDecimal("2000.00")));
        assertThat(stored.get("opening", Document.class).get("deposits")).isEqualTo(new Decimal128(new BigDecimal("1000.00")));
    }

    @Test
    void replayingTheSameEntriesChangesNothing() {
        String ref = customer();
        List<Map<String, Object>> entries = List.of(entry(ref, current.minusMonths(1).atDay(3), "500", "800"),
                entry(ref, today, "700.10", null));
        record(entries).path("recordDailyBalances.accepted").entity(Integer.class).isEqualTo(2);
        GraphQlTester.Response before = portrait(ref, 12);
        String updatedAt = before.path("customerByRef.updatedAt").entity(String.class).get();
        record(entries).path("recordDailyBalances.accepted").entity(Integer.class).isEqualTo(2)
                .path("recordDailyBalances.unchanged").entity(Integer.class).isEqualTo(2)
                .path("recordDailyBalances.rejected").entityList(Object.class).hasSize(0);
        GraphQlTester.Response after = portrait(ref, 12);
        after.path("customerByRef.updatedAt").entity(String.class).isEqualTo(updatedAt);
        assertThat(history(after)).isEqualTo(history(before));
    }

    @Test
    void aBackDatedEntryChangesTheAveragesOfTheMonthsAfterIt() {
        String ref = customer();
        YearMonth early = current.minusMonths(2);
        YearMonth previous = current.minusMonths(1);
        record(List.of(entry(ref, early.atDay(10), "1000", "1500"), entry(ref, previous.atDay(15), "2000", null),
                entry(ref, today, "3000.50", "4000")));
        String before = portrait(ref, 12).path("customerByRef.assets.monthlyAvgDailyDeposit").entity(String.class).get();

        record(List.of(entry(ref, early.atDay(20), "5000", null)))
                .path("recordDailyBalances.accepted").entity(Integer.class).isEqualTo(1)
                .path("recordDailyBalances.unchanged").entity(Integer.class).isEqualTo(0);

        int d = today.getDayOfMonth();
        GraphQlTester.Response portrait = portrait(ref, 3);
        assertThat(history(portrait)).containsExactly(
                month(early, average(10, "1000", early.lengthOfMonth() - 19, "5000"), "1500.00"),
                month(previous, average(14, "5000", previous.lengthOfMonth() - 14, "2000"), "1500.00"),
                month(current, average(d - 1, "2000", 1, "3000.50"), average(d - 1, "1500", 1, "4000")));
        portrait.path("customerByRef.assets.monthlyAvgDailyDeposit").entity(String.class).isEqualTo(before);
    }

    @Test
    void monthsWithoutEntriesCarryTheLastKnownBalance() {
        String ref = customer();
        YearMonth first = current.minusMonths(3);
        record(List.of(entry(ref, first.atDay(5), "100", "100"), entry(ref, today, "400", null)))
                .path("recordDailyBalances.accepted").entity(Integer.class).isEqualTo(2);
        int d = today.getDayOfMonth();
        assertThat(history(portrait(ref, 12))).containsExactly(
                month(first, "100.00", "100.00"), month(current.minusMonths(2), "100.00", "100.00"),
                month(current.minusMonths(1), "100.00", "100.00"),
                month(current, average(d - 1, "100", 1, "400"), "100.00"));
    }
}
