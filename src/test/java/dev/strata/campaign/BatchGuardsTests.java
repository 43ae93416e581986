package dev.strata.campaign;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.strata.customer.Customer;
import dev.strata.customer.LiveCustomers;
import dev.strata.graphql.GlobalId;
import dev.strata.shared.Channel;
import dev.strata.touchpoint.Touchpoint;
import dev.strata.touchpoint.TouchpointStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One batch with mixed guard outcomes (consent on the step's channel, only on its fallback, on neither; a second
 * campaign's send to the same customers in the same batch over a cap of one) decides each send as the guards decide
 * it for that enrollment alone. Runs in the shared context, where only the runner built here works the schedule.
 */
class BatchGuardsTests extends CampaignHelpers {

    @Autowired
    Schedule schedule;
    @Autowired
    JourneyBatch batch;
    @Autowired
    StepClaims claims;
    @Autowired
    SendGuards guards;
    @Autowired
    LiveCustomers live;
    @Autowired
    MongoTemplate mongo;

    @Test
    void aBatchOfMixedOutcomesDecidesEachSendAsThePerEnrollmentRulesDo() {
        setUpPeople();
        policy(1, "00:00", "00:00");
        try {
            String sms = unique("gs").replace("-", "");
            String wechat = unique("gw").replace("-", "");
            String none = unique("gn").replace("-", "");
            List<String> ids = new ArrayList<>(customers(sms, 30, List.of("SMS")));
            ids.addAll(customers(wechat, 30, List.of("WECHAT")));
            ids.addAll(customers(none, 30, List.of("EMAIL")));
            String segment = as(marketer).document("mutation($i: CreateSegmentInput!) { createSegment(input: $i) { segment { id } } }")
                    .variable("i", Map.of("name", unique("mixed"), "rule", Map.of("branchIn", List.of(sms, wechat, none))))
                    .execute().path("createSegment.segment.id").entity(String.class).get();
            Map<String, Object> step = new HashMap<>(Map.of("key", "offer", "channel", "SMS", "template", "hi {name}",
                    "fallbackChannels", List.of("WECHAT")));
            String first = launched(campaignInput(unique("first"), List.of(segment), List.of(Map.of("send", step))));
            String second = launched(campaignInput(unique("second"), List.of(segment), List.of(Map.of("send", step))));
            awaitEnrolledAndDue(first, 90);
            awaitEnrolledAndDue(second, 90);

            Map<String, Customer> before = live.resolveUnscoped(ids.stream().map(id -> GlobalId.localId(id, "Customer")).toList());
            JourneyStep offer = mongo.findById(local(first), Campaign.class).journey().get(0);
            new JourneyRunner(schedule, batch, claims, "mixed", 0).runUntilIdle(1000);

            List<Touchpoint> sent = mongo.find(Query.query(Criteria.where("campaignId").in(local(first), local(second))),
                    Touchpoint.class);
            assertThat(sent).hasSize(2 * ids.size());
            Map<String, List<Touchpoint>> byCustomer = new HashMap<>();
            sent.forEach(t -> byCustomer.computeIfAbsent(t.customerId(), c -> new ArrayList<>()).add(t));
            before.forEach((id, customer) -> {
                SendGuards.Verdict alone = guards.check(offer, customer, clock.instant(), 0);
                List<Touchpoint> two = byCustomer.get(id);
                assertThat(two).hasSize(2);
                if (alone instanceof SendGuards.Send send) {
                    assertThat(two).filteredOn(t -> t.status() == TouchpointStatus.SENT).singleElement()
                            .satisfies(t -> assertThat(t.channel()).isEqualTo(send.channel()));
                    assertThat(two).filteredOn(t -> t.status() == TouchpointStatus.SUPPRESSED).singleElement()
                            .satisfies(t -> assertThat(t.reason()).startsWith(SendGuards.FREQUENCY_CAP));
                } else {
                    SendGuards.Suppress suppress = (SendGuards.Suppress) alone;
                    assertThat(two).allSatisfy(t -> {
                        assertThat(t.status()).isEqualTo(TouchpointStatus.SUPPRESSED);
                        assertThat(t.reason()).isEqualTo(suppress.reason());
                    });
                }
            });
            assertThat(before.values().stream().map(c -> guards.check(offer, c, clock.instant(), 0))
                    .map(v -> v instanceof SendGuards.Send s ? s.channel() : null).distinct())
                    .as("the batch held every outcome").containsExactlyInAnyOrder(Channel.SMS, Channel.WECHAT, null);
        } finally {
            policy(20, "00:00", "00:00");
        }
    }
}
