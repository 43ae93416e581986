package dev.strata.event;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.strata.graphql.GlobalId;
import dev.strata.identity.StitchingTestSupport;
import dev.strata.support.MongoCommandCounter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** A page of customers with their events, timelines and referrers costs the same MongoDB commands for 10 customers or 100. */
class EventBatchingTests extends StitchingTestSupport {

    private static final String PAGE = """
            query($first: Int, $filter: CustomerFilter) {
              customers(first: $first, filter: $filter) {
                edges { node {
                  id referralCount
                  referredBy { id name }
                  recentEvents { id type properties { key value } customer { id } }
                  events(first: 3) { totalCount pageInfo { hasNextPage } edges { node { id customer { id } } } }
                } }
              }
            }
            """;

    @Autowired
    MongoCommandCounter counter;

    @Test
    void aPageOfOneHundredCustomersWithEventsCostsAFixedNumberOfCommands() {
        String ref = unique("EB");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 110; i++) {
            rows.add(new HashMap<>(Map.of("externalRef", ref + "x" + i, "name", "客户" + i, "managerCode", rmA)));
        }
        List<String> ids = as(service).documentName("feed/UpsertCustomers")
                .variable("input", Map.of("customers", rows)).execute()
                .path("upsertCustomers.rows[*].customer.id").entityList(String.class).hasSize(110).get();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 1; i < ids.size(); i++) {
            events.add(byCustomer(ids.get(i), "VIEW_PRODUCT", now.minusSeconds(i)));
            events.add(with(byCustomer(ids.get(i), "SHARE", now.minusSeconds(200 + i)), "referrer", ids.get(0)));
        }
        track(events).path("trackEvents.accepted").entity(Integer.class).isEqualTo(events.size());
        Map<String, Object> filter = Map.of("branchId", GlobalId.encode("Branch", branch));

        commandsFor(10, filter);   // the first request reads the token's version; later ones find it cached
        List<String> small = commandsFor(10, filter);
        List<String> large = commandsFor(100, filter);

        assertThat(large).as("commands for a page of 100: %s", large).hasSize(small.size());
        assertThat(large.size()).as("commands for a page of 100: %s", large).isLessThanOrEqualTo(8);
    }

    private List<String> commandsFor(int first, Map<String, Object> filter) {
        var tester = as(marketer);
        counter.reset();
        var page = tester.document(PAGE).variable("first", first).variable("filter", filter).execute();
        page.path("customers.edges").entityList(Object.class).hasSize(first)
                .path("customers.edges[1].node.events.totalCount").entity(Integer.class).isEqualTo(2)
                .path("customers.edges[1].node.recentEvents").entityList(Object.class).hasSize(2)
                .path("customers.edges[1].node.referredBy.name").entity(String.class).isEqualTo("客户0")
                .path("customers.edges[0].node.referralCount").entity(Integer.class).isEqualTo(109);
        return counter.commands();
    }
}
