package dev.strata.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.strata.identity.StitchingTestSupport;
import dev.strata.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** What tracked events show on the portrait: last login, referrals, the recent-events subset, the timeline and node look-ups. */
class CustomerActivityTests extends StitchingTestSupport {

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void aLoginMovesLastLoginAtForwardButNeverBack() {
        String customer = feedCustomer(unique("TL"), Map.of());
        Instant latest = now.minus(1, ChronoUnit.HOURS);
        track(List.of(byCustomer(customer, "LOGIN", latest)));
        track(List.of(byCustomer(customer, "LOGIN", latest.minus(1, ChronoUnit.DAYS))));
        activity(customer).path("customer.digital.lastLoginAt").entity(String.class)
                .satisfies(at -> assertThat(OffsetDateTime.parse(at).toInstant()).isEqualTo(latest));
        track(List.of(byCustomer(customer, "VIEW_PRODUCT", now)));
        activity(customer).path("customer.digital.lastLoginAt").entity(String.class)
                .satisfies(at -> assertThat(OffsetDateTime.parse(at).toInstant()).isEqualTo(latest));
    }

    @Test
    void aShareRecordsWhoBroughtWhomOnceAndNeverSelf() {
        String sharerOpenid = unique("sharer");
        track(List.of(byIdentity("WECHAT", sharerOpenid, "LOGIN", now.minusSeconds(60))));
        String sharer = ownerOf("WECHAT", sharerOpenid);
        String friend = unique("friend");
        String other = feedCustomer(unique("TO"), Map.of());
        track(List.of(with(byIdentity("WECHAT", sharerOpenid, "SHARE", now.minusSeconds(50)), "referrer", sharerOpenid),
                with(byIdentity("WECHAT", friend, "SHARE", now.minusSeconds(40)), "referrer", sharerOpenid),
                with(byIdentity("WECHAT", friend, "SHARE", now.minusSeconds(30)), "referrer", other)));
        String friendId = ownerOf("WECHAT", friend);
        activity(friendId).path("customer.referredBy.id").entity(String.class).isEqualTo(sharer);
        activity(sharer).path("customer.referralCount").entity(Integer.class).isEqualTo(1)
                .path("customer.referredBy").valueIsNull();
        activity(other).path("customer.referralCount").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void recentEventsKeepTheNewestTwentyAndTheTimelinePagesThroughAll() {
        String customer = feedCustomer(unique("TR"), Map.of());
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            events.add(byCustomer(customer, "VIEW_PRODUCT", now.minus(25 - i, ChronoUnit.MINUTES)));
        }
        track(events.subList(0, 12));
        track(events.subList(12, 25));
        var page = activity(customer);
        page.path("customer.recentEvents").entityList(Object.class).hasSize(20)
                .path("customer.recentEvents[*].occurredAt").entityList(String.class).satisfies(times -> {
                    assertThat(times).isSortedAccordingTo(Comparator.reverseOrder());
                    assertThat(OffsetDateTime.parse(times.get(0)).toInstant()).isEqualTo(now.minus(1, ChronoUnit.MINUTES));
                });
        List<String> seen = new ArrayList<>();
        String after = null;
        do {
            var next = asAdmin().documentName("mobile/CustomerActivity").variable("id", customer)
                    .variable("first", 10).variable("after", after).execute();
            next.path("customer.events.totalCount").entity(Integer.class).isEqualTo(25);
            seen.addAll(next.path("customer.events.edges[*].node.id").entityList(String.class).get());
            after = next.path("customer.events.pageInfo.hasNextPage").entity(Boolean.class).get()
                    ? next.path("customer.events.pageInfo.endCursor").entity(String.class).get() : null;
        } while (after != null);
        assertThat(seen).hasSize(25).doesNotHaveDuplicates();
    }

    @Test
    void nodeResolvesAnEventOnlyForViewersWhoMaySeeItsCustomer() {
        String customer = feedCustomer(unique("TN"), Map.of());
        track(List.of(with(byCustomer(customer, "PURCHASE", now), "productCode", "FUND01")));
        String eventId = activity(customer).path("customer.recentEvents[0].id").entity(String.class).get();
        String node = "query($id: ID!) { node(id: $id) { id ... on Event { type properties { key value } customer { id } } } }";
        as(userToken(unique("rma"), List.of(Role.RELATIONSHIP_MANAGER), null, rmA)).document(node).variable("id", eventId)
                .execute().path("node.type").entity(String.class).isEqualTo("PURCHASE")
                .path("node.properties[0].value").entity(String.class).isEqualTo("FUND01")
                .path("node.customer.id").entity(String.class).isEqualTo(customer);
        var outsider = as(userToken(unique("rmb"), List.of(Role.RELATIONSHIP_MANAGER), null, rmB)).document(node)
                .variable("id", eventId).execute();
        assertClassification(outsider, "FORBIDDEN");
        outsider.path("node").valueIsNull();
    }


    private GraphQlTester.Response activity(String customerId) {
        return asAdmin().documentName("mobile/CustomerActivity").variable("id", customerId).execute();
    }
}
