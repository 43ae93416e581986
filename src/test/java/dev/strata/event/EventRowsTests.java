package dev.strata.event;

import java.time.Instant;
import java.util.List;

import dev.strata.shared.Channel;
import dev.strata.graphql.GlobalId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Row checks and content-addressed event IDs, without the server. */
class EventRowsTests {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private static final String CUSTOMER = GlobalId.encode("Customer", "65f000000000000000000001");

    @Test
    void theSameEventGetsTheSameIdWhateverTheOrderOfItsProperties() {
        var a = row(CUSTOMER, null, List.of(kv("b", "2"), kv("a", "1")), "2026-11-23T16:00:00+08:00");
        var b = row(CUSTOMER, null, List.of(kv("a", "1"), kv("b", "2")), "2026-11-23T08:00:00.000Z");
        assertThat(a.valid()).isTrue();
        assertThat(a.eventId()).isEqualTo(b.eventId()).hasSize(32);
    }

    @Test
    void anyDifferenceInWhoWhatWhenOrPropertiesGivesAnotherId() {
        String base = row(CUSTOMER, null, List.of(kv("a", "1")), "2026-11-23T08:00:00Z").eventId();
        assertThat(row(GlobalId.encode("Customer", "65f000000000000000000002"), null, List.of(kv("a", "1")),
                "2026-11-23T08:00:00Z").eventId()).isNotEqualTo(base);
        assertThat(row(CUSTOMER, null, List.of(kv("a", "2")), "2026-11-23T08:00:00Z").eventId()).isNotEqualTo(base);
        assertThat(row(CUSTOMER, null, List.of(kv("a1", "")), "2026-11-23T08:00:00Z").eventId())
                .as("key and value boundaries are unambiguous").isNotEqualTo(base);
        assertThat(row(CUSTOMER, null, List.of(kv("a", "1")), "2026-11-23T08:00:00.001Z").eventId()).isNotEqualTo(base);
    }

    @Test
    void anEventByIdentityTakesTheIdentitysChannelUnlessItNamesOne() {
        var input = new EventInput(null, new EventInput.Identity("MINI_PROGRAM", " o-123 "), "LOGIN", null,
                "2026-11-23T08:00:00Z", null);
        var row = EventRows.parse(0, input, NOW);
        assertThat(row.valid()).isTrue();
        assertThat(row.channel()).isEqualTo(Channel.MINI_PROGRAM);
        assertThat(row.identity().externalId()).isEqualTo("o-123");
        var named = EventRows.parse(0, new EventInput(null, input.identity(), "LOGIN", "WECHAT", input.occurredAt(), null), NOW);
        assertThat(named.channel()).isEqualTo(Channel.WECHAT);
    }

    @Test
    void deviceClocksMayRunFiveMinutesFastButNoMore() {
        assertThat(row(CUSTOMER, null, List.of(), NOW.plusSeconds(300).toString()).valid()).isTrue();
        var late = row(CUSTOMER, null, List.of(), NOW.plusSeconds(301).toString());
        assertThat(late.errors()).extracting(e -> e.code()).containsExactly("IN_FUTURE");
        assertThat(late.errors().get(0).field()).containsExactly("events", "3", "occurredAt");
    }

    @Test
    void everyProblemOfARowIsReportedNotJustTheFirst() {
        var input = new EventInput(null, null, "", "FAX", "soon", List.of(kv("", "v")));
        assertThat(EventRows.parse(7, input, NOW).errors()).extracting(e -> String.join(".", e.field()) + " " + e.code())
                .containsExactly("events.7.customerId REQUIRED", "events.7.type REQUIRED", "events.7.channel UNKNOWN_CHANNEL",
                        "events.7.occurredAt INVALID", "events.7.properties.0.key INVALID");
    }

    private static EventRows.Row row(String customerId, EventInput.Identity identity, List<Event.KeyValue> properties,
            String occurredAt) {
        return EventRows.parse(3, new EventInput(customerId, identity, "VIEW_PRODUCT", "APP_PUSH", occurredAt, properties), NOW);
    }

    private static Event.KeyValue kv(String key, String value) {
        return new Event.KeyValue(key, value);
    }
}
