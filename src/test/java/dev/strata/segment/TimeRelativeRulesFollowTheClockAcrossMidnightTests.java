package dev.strata.segment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.strata.support.SettableClock;
import dev.strata.support.StrataIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;

/** Age, days since the last login and event windows are relative to today, so counts must change exactly at midnight in Asia/Shanghai. */
class TimeRelativeRulesFollowTheClockAcrossMidnightTests extends StrataIntegrationTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");


    @TestConfiguration(proxyBeanMethods = false)
    static class SettableClockConfiguration {

        @Bean
        @Primary
        SettableClock settableClock() {
            return new SettableClock();
        }
    }

    @Autowired
    private SettableClock clock;
    private String admin;

    /** Moves the clock and signs in again, so the admin's token is fresh at the new time. */
    private void setClock(Instant now) {
        clock.set(now);
        admin = login("admin", ADMIN_PASSWORD);
    }

    @Test
    void ageDaysSinceLoginAndEventWindowsMoveExactlyAtMidnightInShanghai() {
        // A day D ahead of the real one (tokens stay valid), two minutes before its midnight in Shanghai.
        LocalDate d = LocalDate.now(SHANGHAI).plusDays(2);
        setClock(at(d, "23:58:00"));
        String branch = unique("TB");
        as(admin).documentName("admin/UpsertBranches").variable("input", Map.of("branches",
                List.of(Map.of("code", branch, "name", "时钟支行")))).execute()
                .path("upsertBranches.userErrors").entityList(Object.class).hasSize(0);
        String service = userToken(unique("tsvc"), dev.strata.security.Role.SERVICE);
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row("birthday-tomorrow", branch).with("birthDate", d.plusDays(1).minusYears(30).toString()));
        rows.add(row("birthday-today", branch).with("birthDate", d.minusYears(30).toString()));
        rows.add(row("login-today", branch).with("lastLoginAt", at(d, "00:00:00").toString()));
        rows.add(row("login-six-days-ago", branch).with("lastLoginAt", at(d.minusDays(6), "23:59:59").toString()));
        rows.add(row("active", branch));
        List<String> ids = as(service).documentName("feed/UpsertCustomers").variable("input", Map.of("customers", rows)).execute()
                .path("upsertCustomers.rows[*].userErrors[*]").entityList(Object.class).hasSize(0)
                .path("upsertCustomers.rows[*].customer.id").entityList(String.class).get();
        String active = ids.get(4);
        String loginToday = ids.get(2);
        as(service).documentName("mini-program/TrackEvents").variable("input", Map.of("events", List.of(
                event(active, "TRANSFER", at(d, "23:57:00")), event(active, "TRANSFER", at(d, "23:57:30")),
                event(loginToday, "PURCHASE", at(d.minusDays(1), "00:00:00")))))
                .execute().path("trackEvents.rejected").entityList(Object.class).hasSize(0);

        Map<String, Object> age30 = numeric("AGE", 30, null);
        Map<String, Object> under30 = numeric("AGE", null, 30);
        Map<String, Object> loggedInToday = numeric("DAYS_SINCE_LAST_LOGIN", null, 1);
        Map<String, Object> awayAWeek = numeric("DAYS_SINCE_LAST_LOGIN", 7, null);
        Map<String, Object> twoTransfersToday = Map.of("event", Map.of("type", "TRANSFER", "withinDays", 1, "minCount", 2));
        Map<String, Object> purchaseInTwoDays = Map.of("event", Map.of("type", "PURCHASE", "withinDays", 2));
        Map<String, Object> transferToday = Map.of("event", Map.of("type", "TRANSFER", "withinDays", 1));

        for (String time : List.of("23:58:00", "23:59:59.999")) {
            setClock(at(d, time));
            assertThat(count(branch, age30)).as("aged 30+ at %s", time).isEqualTo(1);
            assertThat(count(branch, under30)).as("under 30 at %s", time).isEqualTo(1);
            assertThat(count(branch, Map.of("not", age30))).as("not aged 30+ (includes no birth date) at %s", time).isEqualTo(4);
            assertThat(count(branch, loggedInToday)).as("logged in today at %s", time).isEqualTo(1);
            assertThat(count(branch, awayAWeek)).as("away a week at %s", time).isZero();
            assertThat(count(branch, twoTransfersToday)).as("two transfers today at %s", time).isEqualTo(1);
            assertThat(count(branch, purchaseInTwoDays)).as("a purchase in two days at %s", time).isEqualTo(1);
        }

        setClock(at(d.plusDays(1), "00:00:00"));
        assertThat(count(branch, age30)).as("aged 30+ after midnight: the birthday came").isEqualTo(2);
        assertThat(count(branch, under30)).as("under 30 after midnight").isZero();
        assertThat(count(branch, Map.of("not", age30))).as("not aged 30+ after midnight").isEqualTo(3);
        assertThat(count(branch, loggedInToday)).as("logged in today after midnight").isZero();
        assertThat(count(branch, numeric("DAYS_SINCE_LAST_LOGIN", 1, 2))).as("logged in yesterday after midnight").isEqualTo(1);
        assertThat(count(branch, awayAWeek)).as("away a week after midnight").isEqualTo(1);
        assertThat(count(branch, twoTransfersToday)).as("two transfers today after midnight").isZero();
        assertThat(count(branch, Map.of("event", Map.of("type", "TRANSFER", "withinDays", 2, "minCount", 2))))
                .as("two transfers in two days after midnight").isEqualTo(1);
        assertThat(count(branch, purchaseInTwoDays)).as("a purchase in two days after midnight").isZero();

        as(service).documentName("mini-program/TrackEvents").variable("input", Map.of("events", List.of(
                event(active, "TRANSFER", at(d.plusDays(1), "00:00:00")))))
                .execute().path("trackEvents.rejected").entityList(Object.class).hasSize(0);
        assertThat(count(branch, transferToday)).as("a transfer on the new day").isEqualTo(1);
        assertThat(count(branch, twoTransfersToday)).as("one transfer is not two").isZero();

        setClock(at(d.plusDays(2), "12:00:00"));
        assertThat(count(branch, transferToday)).as("a day later, yesterday's transfer is not today's").isZero();
        assertThat(count(branch, numeric("DAYS_SINCE_LAST_LOGIN", 2, 3))).as("logged in two days ago").isEqualTo(1);
        assertThat(count(branch, numeric("DAYS_SINCE_LAST_LOGIN", 8, 9))).as("away eight days").isEqualTo(1);
    }

    private int count(String branch, Map<String, Object> rule) {
        return as(admin).documentName("mobile/PreviewSegment")
                .variable("rule", Map.of("and", List.of(Map.of("branchIn", List.of(branch)), rule))).variable("sampleSize", 1)
                .execute().path("previewSegment.userErrors").entityList(Object.class).hasSize(0)
                .path("previewSegment.count").entity(Integer.class).get();
    }

    private static Map<String, Object> numeric(String field, Integer gte, Integer lt) {
        Map<String, Object> condition = new java.util.HashMap<>(Map.of("field", field));
        if (gte != null) {
            condition.put("gte", gte);
        }
        if (lt != null) {
            condition.put("lt", lt);
        }
        return Map.of("numeric", condition);
    }

    private static Instant at(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).atZone(SHANGHAI).toInstant();
    }

    private static Map<String, Object> event(String customerId, String type, Instant at) {
        return Map.of("customerId", customerId, "type", type, "channel", "APP_PUSH", "occurredAt", at.toString());
    }

    private static Row row(String name, String branch) {
        Row row = new Row();
        row.put("externalRef", unique("T" + name));
        row.put("name", name);
        row.put("branchCode", branch);
        return row;
    }

    /** A feed row built fluently. */
    private static final class Row extends java.util.HashMap<String, Object> {

        Row with(String key, Object value) {
            put(key, value);
            return this;
        }
    }
}
