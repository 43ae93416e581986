package dev.strata.customer;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.strata.support.StrataIntegrationTest;
import dev.strata.shared.Channel;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The campaign runner's raw push of recent touchpoints stores exactly what the mapped update stores: the same entries,
 * newest first, capped, with the write stamped, its revision bumped and the customer re-indexed like any other write.
 */
class PushRecentTouchpointsTests extends StrataIntegrationTest {

    private static final int KEEP = 5;

    @Autowired
    private CustomerWrites writes;
    @Autowired
    private MongoTemplate mongo;
    @Autowired
    private LiveCustomers live;

    @Test
    void theRawPushStoresWhatTheMappedUpdateStores() {
        String mapped = customer();
        String raw = customer();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (int round = 0; round < 3; round++) {
            List<Customer.RecentTouchpoint> newestFirst = new ArrayList<>();
            for (int i = 3; i >= 0; i--) {
                newestFirst.add(new Customer.RecentTouchpoint("T" + round + i, Channel.values()[i % Channel.values().length],
                        i % 2 == 0 ? "SENT" : "SUPPRESSED", i == 1 ? null : "C" + round, at.plusSeconds(round * 10L + i)));
            }
            Update update = new Update();
            update.push("recentTouchpoints").atPosition(0).slice(KEEP).each(newestFirst.toArray());
            writes.update(mapped, update);
            Document before = stored(raw);
            writes.pushRecentTouchpoints(Map.of(raw, newestFirst), KEEP);
            Document after = stored(raw);

            assertThat(after.get("recentTouchpoints")).isEqualTo(stored(mapped).get("recentTouchpoints"));
            assertThat(after.getList("recentTouchpoints", Document.class)).hasSize(Math.min(KEEP, 4 * (round + 1)));
            assertThat(revision(after)).isGreaterThan(revision(before));
            assertThat(after.getDate("updatedAt")).isAfterOrEqualTo(before.getDate("updatedAt"));
        }
        assertThat(live.resolveUnscoped(List.of(raw), List.of("recentTouchpoints")).get(raw).recentTouchpoints())
                .extracting(Customer.RecentTouchpoint::touchpointId).containsExactly("T23", "T22", "T21", "T20", "T13");
    }

    private String customer() {
        String ref = unique("PR");
        asAdmin().documentName("feed/UpsertCustomers")
                .variable("input", Map.of("customers", List.of(Map.of("externalRef", ref, "name", "客户"))))
                .execute().path("upsertCustomers.rows[*].userErrors[*]").entityList(Object.class).hasSize(0);
        return mongo.findOne(Query.query(Criteria.where("externalRef").is(ref)), Document.class, CustomerDocuments.COLLECTION)
                .get("_id").toString();
    }

    private Document stored(String id) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(id)), Document.class, CustomerDocuments.COLLECTION);
    }

    private static long revision(Document customer) {
        Number revision = (Number) customer.get(CustomerDocuments.REVISION);
        return revision == null ? 0 : revision.longValue();
    }
}
