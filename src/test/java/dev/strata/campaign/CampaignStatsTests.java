package dev.strata.campaign;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.strata.graphql.GlobalId;
import dev.strata.shared.Channel;
import dev.strata.touchpoint.Touchpoint;
import dev.strata.touchpoint.TouchpointStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Stats kept as counters equal a brute-force recount of touchpoints and enrollments, by channel, step and variant. */
class CampaignStatsTests extends CampaignTestSupport {

    static final String FUNNEL = "key sent delivered opened clicked converted suppressed failed cost revenue";
    static final Map<Channel, BigDecimal> COST = Map.of(Channel.SMS, new BigDecimal("0.05"), Channel.WECHAT,
            new BigDecimal("0.02"));

    @Autowired
    MongoTemplate mongo;

    @Autowired
    LegacyStatsFold legacyStatsFold;

    @Test
    void countersEqualARecountOfTheTouchpointsAndGoalEventsCountForTreatedAndControlAlike() {
        advanceToMorning();
        setUpPeople();
        policy(20, "21:00", "08:00");
        String branch = unique("st").replace("-", "");
        List<String> ids = customers(branch, 150, List.of("SMS"));
        Map<String, Object> input = campaignInput(unique("stats"), List.of(segmentOfBranch(branch)), List.of(
                Map.of("send", Map.of("key", "offer", "channel", "SMS", "template", "default", "variants", List.of(
                        Map.of("key", "A", "template", "A {name}", "percent", 70),
                        Map.of("key", "B", "template", "B {name}", "percent", 30)))),
                send("wx", "WECHAT", "on WeChat", null)));
        input.put("controlGroupPercent", 20.0);
        input.put("goal", Map.of("eventType", "PURCHASE", "within", "P14D"));
        input.put("costPerContact", List.of(Map.of("channel", "SMS", "cost", "0.05"), Map.of("channel", "WECHAT", "cost", "0.02")));
        String id = launched(input);
        advance(Duration.ofMinutes(1));
        String local = GlobalId.localId(id, "Campaign");

        List<Touchpoint> offers = storedTouchpoints(local).stream().filter(t -> t.stepKey().equals("offer")).toList();
        for (int i = 0; i < offers.size(); i++) {
            String token = offers.get(i).trackingToken();
            switch (i % 5) {
                case 0 -> respondWithRevenue(token, "100.50");
                case 1 -> respond(token, "CLICKED");
                case 2 -> respond(token, "OPENED");
                default -> { }
            }
            if (i % 5 == 0) {
                respond(token, "OPENED");
            }
        }
        Set<String> control = mongo.find(Query.query(Criteria.where("campaignId").is(local).and("control").is(true)),
                Enrollment.class).stream().map(Enrollment::customerId).collect(Collectors.toSet());
        Set<String> treated = new HashSet<>(ids.stream().map(c -> GlobalId.localId(c, "Customer")).toList());
        treated.removeAll(control);
        Set<String> goalBuyers = new HashSet<>();
        offers.stream().skip(3).limit(10).map(Touchpoint::customerId).forEach(goalBuyers::add);
        control.stream().sorted().limit(6).forEach(goalBuyers::add);
        goalBuyers.forEach(c -> track(GlobalId.encode("Customer", c), "PURCHASE", Map.of("amount", "80")));
        advance(Duration.ofMinutes(1));

        List<Touchpoint> all = storedTouchpoints(local);
        Map<String, Object> stats = fullStats(id);
        assertThat(stats.get("enrolled")).isEqualTo(150);
        assertThat(stats.get("control")).isEqualTo(control.size());
        assertFunnel(stats, all, t -> true);
        for (Map<String, Object> row : list(stats, "byChannel")) {
            assertFunnel(row, all, t -> t.channel().name().equals(row.get("key")));
        }
        for (Map<String, Object> row : list(stats, "byStep")) {
            assertFunnel(row, all, t -> t.stepKey().equals(row.get("key")));
        }
        assertThat(list(stats, "byVariant")).extracting(r -> r.get("key")).containsExactlyInAnyOrder("offer/A", "offer/B");
        for (Map<String, Object> row : list(stats, "byVariant")) {
            assertFunnel(row, all, t -> (t.stepKey() + "/" + t.variant()).equals(row.get("key")));
        }
        long a = offers.stream().filter(t -> "A".equals(t.variant())).count();
        assertThat((double) a / offers.size()).as("share of variant A (70%)").isBetween(0.55, 0.85);

        Set<String> convertedTreated = all.stream().filter(t -> t.status() == TouchpointStatus.CONVERTED)
                .map(Touchpoint::customerId).collect(Collectors.toSet());
        goalBuyers.stream().filter(treated::contains).forEach(convertedTreated::add);
        long controlConverted = goalBuyers.stream().filter(control::contains).count();
        assertThat(stats.get("convertedCustomers")).isEqualTo(convertedTreated.size());
        assertThat(stats.get("controlConverted")).isEqualTo((int) controlConverted);
        double rate = (double) convertedTreated.size() / treated.size();
        double controlRate = (double) controlConverted / control.size();
        assertThat((Double) stats.get("conversionRate")).isCloseTo(rate, within(1e-9));
        assertThat((Double) stats.get("controlConversionRate")).isCloseTo(controlRate, within(1e-9));
        assertThat((Double) stats.get("uplift")).isCloseTo(rate - controlRate, within(1e-9));
        BigDecimal cost = new BigDecimal(stats.get("cost").toString());
        BigDecimal revenue = new BigDecimal(stats.get("revenue").toString());
        assertThat((Double) stats.get("roi")).isCloseTo(revenue.subtract(cost).doubleValue() / cost.doubleValue(),
                within(1e-6));
    }

    @Test
    void countersKeptInTheirOwnCollectionByEarlierVersionsAreFoldedOntoTheirCampaignsOnce() {
        setUpPeople();
        String branch = unique("lg").replace("-", "");
        customers(branch, 1, List.of("SMS"));
        List<String> segments = List.of(segmentOfBranch(branch));
        String folded = GlobalId.localId(create(marketer, campaignInput(unique("legacy"), segments, List.of(
                send("offer", "SMS", "hello", null)))), "Campaign");
        String alreadyMoved = GlobalId.localId(create(marketer, campaignInput(unique("moved"), segments, List.of(
                send("offer", "SMS", "hello", null)))), "Campaign");
        new StatsCounters(mongo).set(alreadyMoved, "enrolled", 3);
        mongo.insert(new org.bson.Document("_id", folded).append("enrolled", 7).append("t",
                new org.bson.Document("sent", 5).append("costCents", 25L)).append("ch",
                new org.bson.Document("SMS", new org.bson.Document("sent", 5))), LegacyStatsFold.LEGACY);
        mongo.insert(new org.bson.Document("_id", alreadyMoved).append("enrolled", 99), LegacyStatsFold.LEGACY);

        legacyStatsFold.afterSingletonsInstantiated();
        legacyStatsFold.afterSingletonsInstantiated();

        Map<String, Object> stats = fullStats(GlobalId.encode("Campaign", folded));
        assertThat(stats).containsEntry("enrolled", 7).containsEntry("sent", 5);
        assertThat(new BigDecimal(stats.get("cost").toString())).isEqualByComparingTo("0.25");
        assertThat(list(stats, "byChannel")).singleElement().satisfies(row -> assertThat(row).containsEntry("key", "SMS")
                .containsEntry("sent", 5));
        assertThat(fullStats(GlobalId.encode("Campaign", alreadyMoved))).as("counters already on the campaign win")
                .containsEntry("enrolled", 3);
        assertThat(mongo.collectionExists(LegacyStatsFold.LEGACY)).isFalse();
    }

    private void assertFunnel(Map<String, Object> row, List<Touchpoint> all, java.util.function.Predicate<Touchpoint> in) {
        List<Touchpoint> mine = all.stream().filter(in).toList();
        Function<Integer, Integer> reached = rank -> (int) mine.stream().filter(t -> StatsCounters.rank(t.status()) >= rank
                && t.status() != TouchpointStatus.SUPPRESSED && t.status() != TouchpointStatus.FAILED).count();
        String key = String.valueOf(row.get("key"));
        assertThat(row.get("sent")).as("sent of %s", key).isEqualTo(reached.apply(1));
        assertThat(row.get("delivered")).as("delivered of %s", key).isEqualTo(reached.apply(2));
        assertThat(row.get("opened")).as("opened of %s", key).isEqualTo(reached.apply(3));
        assertThat(row.get("clicked")).as("clicked of %s", key).isEqualTo(reached.apply(4));
        assertThat(row.get("converted")).as("converted of %s", key).isEqualTo(reached.apply(5));
        assertThat(row.get("suppressed")).isEqualTo((int) mine.stream().filter(t -> t.status() == TouchpointStatus.SUPPRESSED).count());
        assertThat(row.get("failed")).isEqualTo((int) mine.stream().filter(t -> t.status() == TouchpointStatus.FAILED).count());
        BigDecimal cost = mine.stream().filter(t -> StatsCounters.rank(t.status()) >= 1).map(t -> COST.get(t.channel()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal revenue = mine.stream().map(Touchpoint::revenue).filter(java.util.Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(new BigDecimal(row.get("cost").toString())).as("cost of %s", key).isEqualByComparingTo(cost);
        assertThat(new BigDecimal(row.get("revenue").toString())).as("revenue of %s", key).isEqualByComparingTo(revenue);
    }

    private List<Touchpoint> storedTouchpoints(String campaignId) {
        return mongo.find(Query.query(Criteria.where("campaignId").is(campaignId)), Touchpoint.class);
    }

    private void respondWithRevenue(String token, String revenue) {
        anonymous().document("mutation($i: RecordResponseInput!) { recordResponse(input: $i) { userErrors { code } } }")
                .variable("i", Map.of("trackingToken", token, "kind", "CONVERTED", "revenue", revenue)).execute()
                .path("recordResponse.userErrors").entityList(Object.class).hasSize(0);
    }

    private Map<String, Object> fullStats(String id) {
        return asAdmin().document("query($id: ID!) { campaign(id: $id) { stats { enrolled control " + FUNNEL
                .replace("key ", "") + " convertedCustomers controlConverted conversionRate controlConversionRate uplift roi "
                + "byChannel { " + FUNNEL + " } byStep { " + FUNNEL + " } byVariant { " + FUNNEL + " } } } }")
                .variable("id", id).execute().path("campaign.stats")
                .entity(new ParameterizedTypeReference<Map<String, Object>>() {
                }).get();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> stats, String key) {
        return (List<Map<String, Object>>) stats.get(key);
    }
}
