package dev.strata.event;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.strata.graphql.GlobalId;
import dev.strata.identity.StitchingTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** trackEvents end to end: per-row errors, replays, walk-in prospects, the batch limit and who may call it. */
class TrackEventsTests extends StitchingTestSupport {

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    /** One bad row per way to get a row wrong, each next to a good one, with the field and code it must report. */
    @Test
    void eachBadRowIsRejectedByIndexNamingItsFieldWhileGoodRowsAreStored() {
        String customer = feedCustomer(unique("TE"), Map.of());
        String openid = unique("o");
        Map<String, Object> missingType = byCustomer(customer, "LOGIN", now);
        missingType.remove("type");
        Map<String, Object> missingTime = byCustomer(customer, "LOGIN", now);
        missingTime.remove("occurredAt");
        Map<String, Object> both = byCustomer(customer, "LOGIN", now);
        both.put("identity", Map.of("channel", "WECHAT", "externalId", openid));
        Map<String, Object> neither = byCustomer(customer, "LOGIN", now);
        neither.remove("customerId");
        Map<String, Object> badChannel = byCustomer(customer, "LOGIN", now);
        badChannel.put("channel", "CARRIER_PIGEON");
        Map<String, Object> duplicateKeys = byCustomer(customer, "VIEW_PRODUCT", now);
        duplicateKeys.put("properties", List.of(Map.of("key", "productCode", "value", "A"), Map.of("key", "productCode", "value", "B")));
        Object[][] table = {
            {byCustomer(customer, "LOGIN", now.minusSeconds(60)), null, null},
            {missingType, "type", "REQUIRED"},
            {missingTime, "occurredAt", "REQUIRED"},
            {byCustomer(customer, "LOGIN", now.plus(1, ChronoUnit.HOURS)), "occurredAt", "IN_FUTURE"},
            {with(byCustomer(customer, "LOGIN", now), "x", "y"), null, null},
            {timeText(byCustomer(customer, "LOGIN", now), "yesterday"), "occurredAt", "INVALID"},
            {byCustomer(customer, "has space", now), "type", "INVALID"},
            {badChannel, "channel", "UNKNOWN_CHANNEL"},
            {both, "identity", "AMBIGUOUS"},
            {neither, "customerId", "REQUIRED"},
            {byCustomer("%%%not-an-id", "LOGIN", now), "customerId", "INVALID_ID"},
            {byCustomer(GlobalId.encode("Customer", "000000000000000000000000"), "LOGIN", now), "customerId", "NOT_FOUND"},
            {byCustomer(GlobalId.encode("Label", "abc"), "LOGIN", now), "customerId", "INVALID_ID"},
            {byIdentity("WECHAT", " ", "LOGIN", now), "identity.externalId", "INVALID"},
            {duplicateKeys, "properties.1.key", "DUPLICATE"},
        };
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object[] row : table) {
            @SuppressWarnings("unchecked")
            Map<String, Object> event = (Map<String, Object>) row[0];
            rows.add(event);
        }
        var response = track(rows);
        int bad = 0;
        for (int i = 0; i < table.length; i++) {
            if (table[i][1] == null) {
                continue;
            }
            List<String> field = new ArrayList<>(List.of("events", String.valueOf(i)));
            field.addAll(List.of(((String) table[i][1]).split("\\.")));
            response.path("trackEvents.rejected[" + bad + "].index").entity(Integer.class).isEqualTo(i)
                    .path("trackEvents.rejected[" + bad + "].userErrors[0].field").entityList(String.class).isEqualTo(field)
                    .path("trackEvents.rejected[" + bad + "].userErrors[0].code").entity(String.class).isEqualTo(table[i][2]);
            bad++;
        }
        response.path("trackEvents.rejected").entityList(Object.class).hasSize(bad)
                .path("trackEvents.accepted").entity(Integer.class).isEqualTo(table.length - bad)
                .path("trackEvents.userErrors").entityList(Object.class).hasSize(0);
        assertThat(storedEvents(customer)).isEqualTo(2);
    }

    @Test
    void replayingABatchStoresNothingNewAndCountsNoReferralTwice() {
        String sharer = feedCustomer(unique("TS"), Map.of());
        String openid = unique("visitor");
        List<Map<String, Object>> batch = List.of(
                byIdentity("MINI_PROGRAM", openid, "VIEW_PRODUCT", now.minusSeconds(30)),
                with(byIdentity("MINI_PROGRAM", openid, "SHARE", now.minusSeconds(20)), "referrer", sharer),
                byIdentity("MINI_PROGRAM", openid, "LOGIN", now.minusSeconds(10)));
        track(batch).path("trackEvents.accepted").entity(Integer.class).isEqualTo(3);
        String visitor = ownerOf("MINI_PROGRAM", openid);
        long stored = mongo.count(new Query(), "events");
        track(batch).path("trackEvents.accepted").entity(Integer.class).isEqualTo(3)
                .path("trackEvents.rejected").entityList(Object.class).hasSize(0);
        assertThat(mongo.count(new Query(), "events")).isEqualTo(stored);
        assertThat(ownerOf("MINI_PROGRAM", openid)).isEqualTo(visitor);
        assertThat(storedEvents(visitor)).isEqualTo(3);
        activity(sharer).path("customer.referralCount").entity(Integer.class).isEqualTo(1);
        activity(visitor).path("customer.recentEvents").entityList(Object.class).hasSize(3)
                .path("customer.referredBy.id").entity(String.class).isEqualTo(sharer);
    }

    @Test
    void oneBatchRefersEachCustomerOnceByTheirFirstShareAndCountsOnlyThose() {
        String first = feedCustomer(unique("RA"), Map.of());
        String second = feedCustomer(unique("RB"), Map.of());
        String earlier = unique("earlier");
        track(List.of(with(byIdentity("MINI_PROGRAM", earlier, "SHARE", now.minusSeconds(60)), "referrer", second)))
                .path("trackEvents.accepted").entity(Integer.class).isEqualTo(1);
        String a = unique("a");
        String b = unique("b");
        List<Map<String, Object>> batch = List.of(
                with(byIdentity("MINI_PROGRAM", a, "SHARE", now.minusSeconds(30)), "referrer", first),
                with(byIdentity("MINI_PROGRAM", a, "SHARE", now.minusSeconds(20)), "referrer", second),
                with(byIdentity("MINI_PROGRAM", b, "SHARE", now.minusSeconds(25)), "referrer", first),
                with(byIdentity("MINI_PROGRAM", earlier, "SHARE", now.minusSeconds(15)), "referrer", first),
                with(byCustomer(first, "SHARE", now.minusSeconds(10)), "referrer", first));
        track(batch).path("trackEvents.accepted").entity(Integer.class).isEqualTo(batch.size());
        activity(first).path("customer.referralCount").entity(Integer.class).isEqualTo(2)
                .path("customer.referredBy").valueIsNull();
        activity(second).path("customer.referralCount").entity(Integer.class).isEqualTo(1);
        activity(ownerOf("MINI_PROGRAM", a)).path("customer.referredBy.id").entity(String.class).isEqualTo(first);
        activity(ownerOf("MINI_PROGRAM", b)).path("customer.referredBy.id").entity(String.class).isEqualTo(first);
        activity(ownerOf("MINI_PROGRAM", earlier)).path("customer.referredBy.id").entity(String.class).isEqualTo(second);
    }

    @Test
    void anAnonymousVisitorBecomesAWalkInProspectThatLaterEventsFind() {
        String openid = unique("anon");
        track(List.of(byIdentity("MINI_PROGRAM", openid, "VIEW_PRODUCT", now.minusSeconds(5))))
                .path("trackEvents.accepted").entity(Integer.class).isEqualTo(1);
        var prospect = as(service).documentName("mini-program/CustomerByIdentity")
                .variable("channel", "MINI_PROGRAM").variable("externalId", openid).execute();
        prospect.path("customerByIdentity.source").entity(String.class).isEqualTo("WALK_IN")
                .path("customerByIdentity.lifecycleStage").entity(String.class).isEqualTo("PROSPECT")
                .path("customerByIdentity.name").entity(String.class).satisfies(name -> assertThat(name).startsWith("访客"))
                .path("customerByIdentity.identities[0].externalId").entity(String.class).isEqualTo(openid);
        String id = prospect.path("customerByIdentity.id").entity(String.class).get();
        track(List.of(byIdentity("MINI_PROGRAM", openid, "LIKE", now.minusSeconds(4))));
        assertThat(ownerOf("MINI_PROGRAM", openid)).isEqualTo(id);
        assertThat(storedEvents(id)).isEqualTo(2);
        asAdmin().documentName("mobile/CustomerActivity").variable("id", id).execute()
                .path("customer.recentEvents[0].type").entity(String.class).isEqualTo("LIKE")
                .path("customer.recentEvents[0].channel").entity(String.class).isEqualTo("MINI_PROGRAM");
    }

    @Test
    void moreThanOneThousandEventsAreRefusedAsAWhole() {
        String customer = feedCustomer(unique("TM"), Map.of());
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            events.add(byCustomer(customer, "VIEW_PRODUCT", now.minusSeconds(i)));
        }
        track(events).path("trackEvents.accepted").entity(Integer.class).isEqualTo(0)
                .path("trackEvents.userErrors[0].code").entity(String.class).isEqualTo("TOO_MANY_ITEMS")
                .path("trackEvents.userErrors[0].field").entityList(String.class).containsExactly("events");
        assertThat(storedEvents(customer)).isZero();
    }

    @Test
    void onlyTheServiceAccountAndAdminsTrackEvents() {
        String customer = feedCustomer(unique("TA"), Map.of());
        var refused = as(marketer).documentName("mini-program/TrackEvents")
                .variable("input", Map.of("events", List.of(byCustomer(customer, "LOGIN", now)))).execute();
        assertClassification(refused, "FORBIDDEN");
        asAdmin().documentName("mini-program/TrackEvents")
                .variable("input", Map.of("events", List.of(byCustomer(customer, "LOGIN", now)))).execute()
                .path("trackEvents.accepted").entity(Integer.class).isEqualTo(1);
    }

    private GraphQlTester.Response activity(String customerId) {
        return asAdmin().documentName("mobile/CustomerActivity").variable("id", customerId).execute();
    }

    private static Map<String, Object> timeText(Map<String, Object> event, String text) {
        Map<String, Object> copy = new HashMap<>(event);
        copy.put("occurredAt", text);
        return copy;
    }
}
