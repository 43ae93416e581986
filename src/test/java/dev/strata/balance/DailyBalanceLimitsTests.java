package dev.strata.balance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.strata.security.Role;
import dev.strata.support.MongoCommandCounter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** The balance feed's limits: batch size, cost in MongoDB commands, the history window, and who may record. */
class DailyBalanceLimitsTests extends BalanceFeedTestSupport {

    @Autowired
    MongoCommandCounter counter;

    @Test
    void moreThanAThousandEntriesAreRefusedAsAWholeAndNothingIsStored() {
        String ref = customer();
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i <= DailyBalanceService.MAX_ENTRIES; i++) {
            entries.add(entry(ref, today.minusDays(i), "10", null));
        }
        record(entries).path("recordDailyBalances.accepted").entity(Integer.class).isEqualTo(0)
                .path("recordDailyBalances.userErrors[0].code").entity(String.class).isEqualTo("TOO_MANY_ITEMS")
                .path("recordDailyBalances.userErrors[0].field").entityList(String.class).containsExactly("entries");
        assertThat(history(portrait(ref, 24))).isEmpty();
    }

    @Test
    void aThousandEntriesCostAHandfulOfCommands() {
        String ref = unique("BULK");
        List<Map<String, Object>> customers = new ArrayList<>();
        for (int c = 0; c < 100; c++) {
            customers.add(Map.of("externalRef", ref + "x" + c, "name", "客户" + c));
        }
        as(feed).documentName("feed/UpsertCustomers").variable("input", Map.of("customers", customers)).execute()
                .path("upsertCustomers.created").entity(Integer.class).isEqualTo(100);
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int c = 0; c < 100; c++) {
            for (int d = 0; d < 10; d++) {
                entries.add(entry(ref + "x" + c, today.minusDays(d * 4L), c + "." + d, null));
            }
        }
        counter.reset();
        record(entries).path("recordDailyBalances.accepted").entity(Integer.class).isEqualTo(1000);
        List<String> commands = counter.commands().stream()
                .filter(c -> c.contains("balances") || c.contains("customers")).toList();
        // find customers, find months, one bulk write of months, one of customers (and the audience index's read);
        // then scoring rescores the touched customers at once: one read, one bulk write, and the index's re-read
        assertThat(commands).as("commands: %s", commands).hasSizeLessThanOrEqualTo(9);
        assertThat(history(portrait(ref + "x7", 24))).isNotEmpty();
    }

    @Test
    void balanceHistoryAcceptsOneToTwentyFourMonths() {
        String ref = customer();
        assertClassification(as(feed).document(PORTRAIT).variable("ref", ref).variable("months", 0).execute(), "BAD_REQUEST");
        assertClassification(as(feed).document(PORTRAIT).variable("ref", ref).variable("months", 25).execute(), "BAD_REQUEST");
    }

    @Test
    void aMarketerMayNotRecordBalances() {
        String ref = customer();
        String marketer = userToken(unique("mkt"), Role.MARKETER);
        GraphQlTester.Response response = as(marketer).documentName("feed/RecordDailyBalances")
                .variable("input", Map.of("entries", List.of(entry(ref, today, "10", null)))).execute();
        assertClassification(response, "FORBIDDEN");
        assertThat(history(portrait(ref, 24))).isEmpty();
    }
}
