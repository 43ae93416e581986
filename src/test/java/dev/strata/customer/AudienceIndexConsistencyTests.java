package dev.strata.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import dev.strata.audience.Attribute;
import dev.strata.audience.AudienceIndex;
import dev.strata.audience.Measure;
import dev.strata.graphql.GlobalId;
import dev.strata.product.Product;
import dev.strata.shared.ProductRisk;
import dev.strata.security.Role;
import dev.strata.support.StrataIntegrationTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Differential test of the audience index: after random writes through every public write path, every attribute
 * value's bitmap holds exactly the customers whose stored document has that value, and merged-away ones hold none;
 * every measure's values match the documents, and event counts match a brute-force count over stored events; and so
 * does an index built from the store by the start-up path.
 */
class AudienceIndexConsistencyTests extends StrataIntegrationTest {

    private static final List<String> CHANNELS = List.of("SMS", "WECHAT", "APP_PUSH", "EMAIL", "PHONE_CALL", "MINI_PROGRAM");
    private static final List<String> AMOUNTS = List.of("1000.00", "80000.00", "700000.00", "7000000.00");

    @Autowired
    private MongoTemplate mongo;
    @Autowired
    private AudienceIndex index;
    @Autowired
    private ApplicationContext context;

    private Random random;
    private final Map<String, String> managerBranches = new LinkedHashMap<>();
    private final List<String> products = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();
    private final Map<String, String> coreByRef = new LinkedHashMap<>();
    private final Map<String, String> prospectByOpenid = new LinkedHashMap<>();
    private final Set<String> everyId = new TreeSet<>();
    private String service;
    private String marketer;
    private int merges;

    @Test
    void everyBitmapHoldsExactlyTheStoredCustomersWithThatValueAfterRandomWrites() {
        long seed = Long.getLong("audience.seed", System.nanoTime());
        random = new Random(seed);
        try {
            organisation();
            for (int round = 0; round < 4; round++) {
                List<Runnable> writes = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    writes.addAll(List.of(this::upsertCustomers, this::recordDailyBalances, this::trackEvents,
                            this::linkIdentity, this::mergeCustomers, this::applyLabel, this::removeLabel, this::recordTouchpoint));
                }
                Collections.shuffle(writes, random);
                writes.forEach(Runnable::run);
                assertIndexMatchesStore("round " + round, index);
            }
            assertIndexMatchesStore("an index built from the store as at a start", AudienceRebuild.rebuild(context).index());
            assertThat(merges).as("merges made").isPositive();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("Audience index inconsistent; rerun with -Daudience.seed=" + seed + ": " + e.getMessage(), e);
        }
    }

    private void assertIndexMatchesStore(String when, AudienceIndex index) {
        List<String> localIds = everyId.stream().map(id -> GlobalId.localId(id, "Customer")).toList();
        AudienceOracle expected = new AudienceOracle(
                mongo.find(Query.query(Criteria.where("_id").in(localIds)), Document.class, "customers"));
        RoaringBitmap ours = RoaringBitmap.or(expected.live, expected.mergedAway);
        Map<String, RoaringBitmap> actual = index.read(view -> {
            Map<String, RoaringBitmap> found = new HashMap<>();
            found.put("everyone", RoaringBitmap.and(view.everyone(), ours));
            for (Attribute attribute : Attribute.values()) {
                Set<String> values = new TreeSet<>(view.values(attribute));
                values.addAll(expected.members.get(attribute).keySet());
                values.forEach(value -> found.put(attribute + "=" + value, RoaringBitmap.and(view.bitmap(attribute, value), ours)));
            }
            return found;
        });
        assertThat(actual.get("everyone")).as(when + ": everyone").isEqualTo(expected.live);
        assertMeasuresMatch(when, index, expected, ours);
        assertEventCountsMatch(when, index, expected, ours, localIds);
        actual.forEach((key, members) -> {
            assertThat(RoaringBitmap.andCardinality(members, expected.mergedAway)).as(when + ": merged away in " + key).isZero();
            if (!key.equals("everyone")) {
                int split = key.indexOf('=');
                assertThat(members).as(when + ": " + key)
                        .isEqualTo(expected.members(Attribute.valueOf(key.substring(0, split)), key.substring(split + 1)));
            }
        });
    }

    /** Each measure: who has which value, read through {@code range} one value at a time, and who has one at all. */
    private void assertMeasuresMatch(String when, AudienceIndex index, AudienceOracle expected, RoaringBitmap ours) {
        for (Measure measure : Measure.values()) {
            Map<Long, RoaringBitmap> byValue = expected.values.get(measure);
            RoaringBitmap withValue = RoaringBitmap.or(byValue.values().iterator());
            RoaringBitmap anyValue = index.read(view -> view.range(measure, Long.MIN_VALUE, Long.MAX_VALUE, ours));
            assertThat(anyValue).as(when + ": " + measure + " has a value").isEqualTo(withValue);
            byValue.forEach((value, seqs) -> {
                RoaringBitmap found = index.read(view -> view.range(measure, value, value + 1, ours));
                assertThat(found).as(when + ": " + measure + " = " + value).isEqualTo(seqs);
            });
        }
    }

    /** Events per type, on any channel or APP_PUSH, today or since yesterday, at least once or twice, against the stored events. */
    private void assertEventCountsMatch(String when, AudienceIndex index, AudienceOracle expected, RoaringBitmap ours,
            List<String> localIds) {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        int today = (int) LocalDate.now(zone).toEpochDay();
        List<Document> events = mongo.find(Query.query(Criteria.where("customerId").in(localIds)), Document.class, "events");
        for (String type : List.of("LOGIN", "LIKE", "VIEW_PRODUCT")) {
            for (String channel : java.util.Arrays.asList(null, "APP_PUSH")) {
                for (int from : List.of(today - 1, today)) {
                    for (int minCount : List.of(1, 2)) {
                        Map<Integer, Integer> counts = new HashMap<>();
                        for (Document event : events) {
                            Integer seq = expected.seqById.get(event.getString("customerId"));
                            int day = (int) event.getDate("occurredAt").toInstant().atZone(zone).toLocalDate().toEpochDay();
                            if (seq != null && expected.live.contains(seq) && type.equals(event.getString("type"))
                                    && (channel == null || channel.equals(event.getString("channel"))) && day >= from && day <= today) {
                                counts.merge(seq, 1, Integer::sum);
                            }
                        }
                        RoaringBitmap brute = new RoaringBitmap();
                        counts.forEach((seq, count) -> {
                            if (count >= minCount) {
                                brute.add(seq);
                            }
                        });
                        RoaringBitmap found = index.read(view -> RoaringBitmap.and(view.events(type, channel, from, today, minCount), ours));
                        assertThat(found).as("%s: %s on %s in [%d, %d] at least %d", when, type, channel, from, today, minCount)
                                .isEqualTo(brute);
                    }
                }
            }
        }
    }

    private void organisation() {
        List<String> branches = List.of(unique("AB"), unique("AB"));
        for (int i = 0; i < 4; i++) {
            managerBranches.put(unique("ARM"), branches.get(i % 2));
        }
        organisation(branches, managerBranches);
        for (int i = 0; i < 4; i++) {
            products.add(mongo.insert(new Product(unique("AP"), "一致性产品", "WEALTH", ProductRisk.R1, BigDecimal.ONE, List.of(),
                    Instant.now())).code());
        }
        service = userToken(unique("asvc"), Role.SERVICE);
        marketer = userToken(unique("amkt"), Role.MARKETER);
        for (int i = 0; i < 3; i++) {
            labels.add(as(marketer).documentName("mobile/CreateLabel").variable("input", Map.of("key",
                    unique("aud").replace("-", "_"), "name", "一致性", "category", "MARKETING", "kind", "MANUAL")).execute()
                    .path("createLabel.label.id").entity(String.class).get());
        }
    }

    private void upsertCustomers() {
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        for (int i = 1 + random.nextInt(6); i > 0; i--) {
            String ref = !coreByRef.isEmpty() && random.nextBoolean() ? pick(new ArrayList<>(coreByRef.keySet())) : unique("AC");
            rows.put(ref, CustomerRowsForTests.row(ref, random, managerBranches, products, CHANNELS, AMOUNTS));
        }
        var response = as(service).documentName("feed/UpsertCustomers")
                .variable("input", Map.of("customers", new ArrayList<>(rows.values()))).execute();
        List<String> ids = response.path("upsertCustomers.rows[*].customer.id").entityList(String.class).get();
        assertThat(ids).hasSize(rows.size());
        List<String> refs = new ArrayList<>(rows.keySet());
        for (int i = 0; i < refs.size(); i++) {
            coreByRef.put(refs.get(i), ids.get(i));
            everyId.add(ids.get(i));
        }
    }

    private void recordDailyBalances() {
        if (coreByRef.isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        List<Map<String, Object>> entries = new ArrayList<>();
        for (String ref : some(new ArrayList<>(coreByRef.keySet()), 4)) {
            entries.add(Map.of("externalRef", ref, "date", today.minusDays(1 + random.nextInt(40)).toString(),
                    "deposits", pick(AMOUNTS)));
        }
        as(service).documentName("feed/RecordDailyBalances").variable("input", Map.of("entries", entries))
                .execute().path("recordDailyBalances.rejected").entityList(Object.class).hasSize(0);
    }

    private void trackEvents() {
        List<Map<String, Object>> events = new ArrayList<>();
        String openid = unique("aov");
        events.add(Map.of("identity", Map.of("channel", "MINI_PROGRAM", "externalId", openid), "type", "VIEW_PRODUCT",
                "occurredAt", Instant.now().minusSeconds(60).toString()));
        for (String customer : some(live(), 3)) {
            events.add(Map.of("customerId", customer, "type", random.nextBoolean() ? "LOGIN" : "LIKE", "channel", "APP_PUSH",
                    "occurredAt", Instant.now().minusSeconds(random.nextInt(3600)).toString()));
        }
        String prospect = trackAndFindOwner(service, events, "MINI_PROGRAM", openid);
        prospectByOpenid.put(openid, prospect);
        everyId.add(prospect);
    }

    private void linkIdentity() {
        if (coreByRef.isEmpty()) {
            return;
        }
        boolean taken = !prospectByOpenid.isEmpty() && random.nextBoolean();
        String openid = taken ? pick(new ArrayList<>(prospectByOpenid.keySet())) : unique("aow");
        String core = pick(new ArrayList<>(coreByRef.values()));
        List<String> codes = as(service).documentName("mini-program/LinkIdentity")
                .variable("input", Map.of("customerId", core, "channel", taken ? "MINI_PROGRAM" : "WECHAT", "externalId", openid))
                .execute().path("linkIdentity.userErrors[*].code").entityList(String.class).get();
        if (taken) {
            assertThat(codes).containsExactly("IDENTITY_TAKEN");
            merge(core, prospectByOpenid.remove(openid));
        } else {
            assertThat(codes).isEmpty();
        }
    }

    private void mergeCustomers() {
        if (prospectByOpenid.size() < 2) {
            return;
        }
        List<String> openids = new ArrayList<>(prospectByOpenid.keySet());
        Collections.shuffle(openids, random);
        String survivor = random.nextBoolean() && !coreByRef.isEmpty() ? pick(new ArrayList<>(coreByRef.values()))
                : prospectByOpenid.get(openids.get(1));
        merge(survivor, prospectByOpenid.remove(openids.get(0)));
    }

    private void merge(String survivor, String merged) {
        as(marketer).documentName("mini-program/MergeCustomers")
                .variable("input", Map.of("survivorId", survivor, "mergedId", merged)).execute()
                .path("mergeCustomers.userErrors").entityList(Object.class).hasSize(0);
        merges++;
    }

    private void applyLabel() {
        labelChange("mobile/ApplyLabel", "applyLabel");
    }

    private void removeLabel() {
        labelChange("mobile/RemoveLabel", "removeLabel");
    }

    private void labelChange(String document, String field) {
        as(marketer).documentName(document)
                .variable("input", Map.of("labelId", pick(labels), "customerIds", some(live(), 5))).execute()
                .path(field + ".userErrors").entityList(Object.class).hasSize(0);
    }

    private void recordTouchpoint() {
        for (String customer : some(live(), 2)) {
            asAdmin().documentName("mobile/LogVisit").variable("input", Map.of("customerId", customer,
                    "channel", "PHONE_CALL", "outcome", pick(List.of("REACHED", "NO_ANSWER", "INTERESTED", "CONVERTED")),
                    "revenue", "10.00")).execute().path("recordTouchpoint.userErrors").entityList(Object.class).hasSize(0);
        }
    }

    private List<String> live() {
        List<String> live = new ArrayList<>(coreByRef.values());
        live.addAll(prospectByOpenid.values());
        return live;
    }

    private List<String> some(List<String> values, int most) {
        List<String> shuffled = new ArrayList<>(values);
        Collections.shuffle(shuffled, random);
        return shuffled.subList(0, Math.min(shuffled.size(), 1 + random.nextInt(most)));
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
