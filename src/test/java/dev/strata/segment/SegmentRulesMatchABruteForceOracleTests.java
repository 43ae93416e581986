package dev.strata.segment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import dev.strata.graphql.GlobalId;
import dev.strata.product.Product;
import dev.strata.rule.NumericField;
import dev.strata.rule.RuleEvaluator;
import dev.strata.security.Role;
import dev.strata.shared.Channel;
import dev.strata.shared.ProductRisk;
import dev.strata.support.StrataIntegrationTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Differential test of the rule engine: random rules over random customers give exactly the members a brute-force
 * evaluation of the stored documents gives, before and after random updates, merges and label changes.
 */
class SegmentRulesMatchABruteForceOracleTests extends StrataIntegrationTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final int ROUNDS = 3;
    private static final int RULES_PER_ROUND = 400;
    private static final List<String> CHANNELS = java.util.Arrays.stream(Channel.values()).map(Enum::name).toList();
    private static final List<String> EVENT_TYPES = List.of("LOGIN", "TRANSFER", "BILL_PAYMENT", "PURCHASE", "LIKE", "X_CUSTOM");
    /** Amounts at and around the cent boundaries rules are written with. */
    private static final List<String> AMOUNTS = List.of("0.00", "0.01", "999.99", "1000.00", "1000.01", "499999.99", "500000.00",
            "500000.01", "5999999.99", "6000000.00", "6000000.01", "12345678.91");
    private static final List<Double> MONEY_BOUNDS = List.of(0.0, 0.01, 0.005, 1000.0, 999.995, 1000.001, 500000.0, 499999.99,
            5999999.99, 6000000.0, 5999999.995, 6000000.01, 1.0e7);

    @Autowired
    private MongoTemplate mongo;
    @Autowired
    private RuleEvaluator evaluator;

    private Random random;
    private final List<String> branches = new ArrayList<>();
    private final Map<String, String> managerBranches = new LinkedHashMap<>();
    private final List<String> products = new ArrayList<>();
    /** MANUAL labels: global ID by key, and local ID by key (as stored on customers). */
    private final Map<String, String> manualLabels = new LinkedHashMap<>();
    private final Map<String, String> manualLabelLocalIds = new HashMap<>();
    /** RULE labels: rule and global ID by key. */
    private final Map<String, Map<String, Object>> ruleLabels = new LinkedHashMap<>();
    private final Map<String, String> ruleLabelIds = new HashMap<>();
    /** Saved segments' rules by global ID, in creation order. */
    private final Map<String, Map<String, Object>> segments = new LinkedHashMap<>();
    private final Map<String, String> coreByRef = new LinkedHashMap<>();
    private final Map<String, String> prospectByOpenid = new LinkedHashMap<>();
    private final Set<String> everyId = new TreeSet<>();
    private final Set<String> kindsSeen = new TreeSet<>();
    private String service;
    private String marketer;
    private int merges;
    private int rulesChecked;
    private int nonTrivial;

    @Test
    void everyRandomRuleMatchesExactlyTheCustomersABruteForceEvaluationOfTheStoredDocumentsFinds() {
        long seed = Long.getLong("segments.seed", System.nanoTime());
        random = new Random(seed);
        try {
            organisation();
            for (int i = 0; i < 6; i++) {
                upsertCustomers(12);
            }
            for (int i = 0; i < 4; i++) {
                trackEvents();
            }
            labelChanges(6);
            savedRules();
            for (int round = 0; round < ROUNDS; round++) {
                if (round > 0) {
                    List<Runnable> writes = new ArrayList<>(List.of(() -> upsertCustomers(8), () -> updateCustomers(10),
                            this::trackEvents, this::trackEvents, this::mergeCustomers, this::mergeCustomers, () -> labelChanges(4)));
                    Collections.shuffle(writes, random);
                    writes.forEach(Runnable::run);
                }
                checkRound("round " + round);
            }
            assertThat(rulesChecked).as("rules checked").isGreaterThanOrEqualTo(1000);
            assertThat(merges).as("merges made").isPositive();
            assertThat(kindsSeen).as("condition kinds used").containsAll(List.of("and", "or", "not", "hasLabel", "tierIn",
                    "quadrantIn", "sourceIn", "lifecycleIn", "riskLevelIn", "branchIn", "managerIn", "numeric", "event",
                    "hasProduct", "consentTo", "inSegment"));
            assertThat(nonTrivial).as("rules matching some but not all of our customers").isGreaterThan(rulesChecked / 3);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("Rule engine disagrees with the brute-force oracle; rerun with -Dsegments.seed=" + seed
                    + ": " + e.getMessage(), e);
        }
    }

    private void checkRound(String when) {
        Map<String, BruteForceRules.Stored> stored = storedCustomers();
        RoaringBitmap ours = new RoaringBitmap();
        Map<Integer, String> idBySeq = new HashMap<>();
        stored.values().forEach(customer -> {
            ours.add(customer.seq());
            idBySeq.put(customer.seq(), customer.id());
        });
        for (int i = 0; i < RULES_PER_ROUND; i++) {
            Map<String, Object> rule = randomRule(0);
            kindsSeen.addAll(BruteForceRules.kinds(rule));
            checkRule(when + " rule " + i, rule, stored, ours, idBySeq, i % 25 == 0);
        }
        for (Map.Entry<String, Map<String, Object>> segment : segments.entrySet()) {
            checkSegment(when, segment.getKey(), segment.getValue(), stored);
        }
        checkLabelCounts(when, stored);
    }

    private void checkRule(String what, Map<String, Object> rule, Map<String, BruteForceRules.Stored> stored, RoaringBitmap ours,
            Map<Integer, String> idBySeq, boolean overHttp) {
        LocalDate today;
        RoaringBitmap actual;
        do {
            today = LocalDate.now(SHANGHAI);
            actual = RoaringBitmap.and(evaluator.members(BruteForceRules.toRule(rule)), ours);
        } while (!today.equals(LocalDate.now(SHANGHAI)));
        RoaringBitmap expected = expected(rule, stored, today);
        rulesChecked++;
        int live = (int) stored.values().stream().filter(BruteForceRules.Stored::live).count();
        if (!expected.isEmpty() && expected.getCardinality() < live) {
            nonTrivial++;
        }
        if (!actual.equals(expected)) {
            throw new AssertionError(what + " " + rule + "\n only the engine: " + describe(RoaringBitmap.andNot(actual, expected),
                    idBySeq, stored) + "\n only the oracle: " + describe(RoaringBitmap.andNot(expected, actual), idBySeq, stored));
        }
        if (overHttp) {
            Map<String, Object> inOurBranches = Map.of("and", List.of(Map.of("branchIn", branches), rule));
            int count = asAdmin().documentName("mobile/PreviewSegment").variable("rule", inOurBranches).variable("sampleSize", 1)
                    .execute().path("previewSegment.userErrors").entityList(Object.class).hasSize(0)
                    .path("previewSegment.count").entity(Integer.class).get();
            assertThat(count).as(what + " previewSegment count of " + inOurBranches)
                    .isEqualTo(expected(inOurBranches, stored, LocalDate.now(SHANGHAI)).getCardinality());
        }
    }

    /** A saved segment (always within our branches): its live count and every member, paged over HTTP. */
    private void checkSegment(String when, String id, Map<String, Object> rule, Map<String, BruteForceRules.Stored> stored) {
        Set<String> expected = new TreeSet<>();
        RoaringBitmap seqs = expected(rule, stored, LocalDate.now(SHANGHAI));
        stored.values().stream().filter(c -> seqs.contains(c.seq())).forEach(c -> expected.add(GlobalId.encode("Customer", c.id())));
        Set<String> members = new TreeSet<>();
        String after = null;
        int customerCount = -1;
        do {
            var response = asAdmin().documentName("mobile/SegmentMembers").variable("id", id).variable("first", 20)
                    .variable("after", after).execute();
            customerCount = response.path("segment.customerCount").entity(Integer.class).get();
            members.addAll(response.path("segment.customers.edges[*].node.id").entityList(String.class).get());
            after = Boolean.TRUE.equals(response.path("segment.customers.pageInfo.hasNextPage").entity(Boolean.class).get())
                    ? response.path("segment.customers.pageInfo.endCursor").entity(String.class).get() : null;
        } while (after != null);
        assertThat(customerCount).as(when + ": customerCount of segment " + rule).isEqualTo(expected.size());
        assertThat(members).as(when + ": members of segment " + rule).isEqualTo(expected);
    }

    /** Label.customerCount of our MANUAL labels and our RULE labels (all within our customers). */
    private void checkLabelCounts(String when, Map<String, BruteForceRules.Stored> stored) {
        Map<String, String> ids = new LinkedHashMap<>(manualLabels);
        ids.putAll(ruleLabelIds);
        ids.forEach((key, id) -> {
            int count = asAdmin().document("query($id: ID!) { label(id: $id) { customerCount } }").variable("id", id).execute()
                    .path("label.customerCount").entity(Integer.class).get();
            assertThat(count).as(when + ": customerCount of label " + key)
                    .isEqualTo(expected(Map.of("hasLabel", key), stored, LocalDate.now(SHANGHAI)).getCardinality());
        });
    }

    private RoaringBitmap expected(Map<String, Object> rule, Map<String, BruteForceRules.Stored> stored, LocalDate today) {
        RoaringBitmap expected = new RoaringBitmap();
        for (BruteForceRules.Stored customer : stored.values()) {
            if (customer.live() && BruteForceRules.matches(rule, customer, today, ruleLabels, manualLabelLocalIds, segments)) {
                expected.add(customer.seq());
            }
        }
        return expected;
    }

    private String describe(RoaringBitmap seqs, Map<Integer, String> idBySeq, Map<String, BruteForceRules.Stored> stored) {
        List<String> out = new ArrayList<>();
        for (int seq : seqs) {
            BruteForceRules.Stored customer = stored.get(idBySeq.get(seq));
            out.add(customer == null ? "seq " + seq + " (not ours?)" : customer.document().toJson() + " events " + customer.events());
        }
        return out.isEmpty() ? "none" : String.join("\n   ", out);
    }

    private Map<String, BruteForceRules.Stored> storedCustomers() {
        List<String> localIds = everyId.stream().map(id -> GlobalId.localId(id, "Customer")).toList();
        List<Document> customers = mongo.find(Query.query(Criteria.where("_id").in(localIds)), Document.class, "customers");
        List<Document> events = mongo.find(Query.query(Criteria.where("customerId").in(localIds)), Document.class, "events");
        assertThat(customers).as("our stored customers").hasSize(localIds.size());
        return BruteForceRules.stored(customers, events);
    }

    // ---- random rules -------------------------------------------------------------------------------------------

    private Map<String, Object> randomRule(int depth) {
        int composite = depth >= 4 ? 100 : random.nextInt(100);
        if (composite < 15) {
            return Map.of("and", children(depth));
        }
        if (composite < 27) {
            return Map.of("or", children(depth));
        }
        if (composite < 37) {
            return Map.of("not", randomRule(depth + 1));
        }
        return leaf(true);
    }

    private List<Map<String, Object>> children(int depth) {
        List<Map<String, Object>> children = new ArrayList<>();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            children.add(randomRule(depth + 1));
        }
        return children;
    }

    private Map<String, Object> leaf(boolean mayReferenceSaved) {
        int kind = random.nextInt(mayReferenceSaved ? 15 : 13);
        return switch (kind) {
            case 0 -> Map.of("tierIn", some(List.of("ORDINARY", "GOLD", "PLATINUM", "DIAMOND")));
            case 1 -> Map.of("quadrantIn", some(List.of("LOW_VALUE", "GENERAL", "SUBOPTIMAL", "OPTIMAL")));
            case 2 -> Map.of("sourceIn", some(List.of("EXISTING", "OUTREACH", "WALK_IN")));
            case 3 -> Map.of("lifecycleIn", some(List.of("PROSPECT", "NEW", "GROWING", "MATURE", "DORMANT")));
            case 4 -> Map.of("riskLevelIn", some(List.of("C1", "C2", "C3", "C4", "C5")));
            case 5 -> Map.of("branchIn", some(branches));
            case 6 -> Map.of("managerIn", some(new ArrayList<>(managerBranches.keySet())));
            case 7 -> Map.of("hasProduct", pick(products));
            case 8 -> Map.of("consentTo", pick(CHANNELS));
            case 9, 10 -> Map.of("numeric", numeric());
            case 11, 12 -> Map.of("event", event());
            case 13 -> Map.of("hasLabel", pick(labelKeys()));
            default -> segments.isEmpty() ? Map.of("hasLabel", pick(labelKeys())) : Map.of("inSegment", pick(new ArrayList<>(segments.keySet())));
        };
    }

    private List<String> labelKeys() {
        List<String> keys = new ArrayList<>(manualLabels.keySet());
        keys.addAll(ruleLabels.keySet());
        return keys;
    }

    private Map<String, Object> numeric() {
        NumericField field = pick(List.of(NumericField.values()));
        List<? extends Number> bounds = switch (field) {
            case AUM, DEPOSITS, LOANS, MONTHLY_AVG_DAILY_DEPOSIT -> MONEY_BOUNDS;
            case AGE -> List.of(0, 18, 29.5, 30, 31, 40, 45, 50, 60, 65, 80, 120);
            case DAYS_SINCE_LAST_LOGIN -> List.of(0, 1, 2, 3, 7, 7.5, 30, 60, 90, 150, 365);
            case PRODUCTS_HELD -> List.of(0, 1, 1.5, 2, 3, 5);
            default -> List.of(0, 10, 50, 50.005, 99.99, 100);
        };
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("field", field.name());
        Number a = pick(bounds);
        Number b = pick(bounds);
        int sides = random.nextInt(3);
        if (sides == 0 || a.doubleValue() == b.doubleValue()) {
            condition.put("gte", a);
        } else if (sides == 1) {
            condition.put("lt", a);
        } else {
            condition.put("gte", a.doubleValue() < b.doubleValue() ? a : b);
            condition.put("lt", a.doubleValue() < b.doubleValue() ? b : a);
        }
        return condition;
    }

    private Map<String, Object> event() {
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("type", pick(EVENT_TYPES));
        if (random.nextBoolean()) {
            condition.put("channel", pick(List.of("APP_PUSH", "WECHAT", "MINI_PROGRAM", "WEB")));
        }
        condition.put("withinDays", random.nextInt(3) == 0 ? 1 + random.nextInt(365) : pick(List.of(1, 2, 3, 7, 30, 60, 90, 120, 365)));
        if (random.nextBoolean()) {
            condition.put("minCount", pick(List.of(1, 2, 2, 3, 4, 6)));
        }
        return condition;
    }

    // ---- the bank and its writes --------------------------------------------------------------------------------

    private void organisation() {
        for (int i = 0; i < 3; i++) {
            branches.add(unique("OB"));
        }
        for (int i = 0; i < 6; i++) {
            managerBranches.put(unique("ORM"), branches.get(i % 3));
        }
        organisation(branches, managerBranches);
        for (int i = 0; i < 4; i++) {
            products.add(mongo.insert(new Product(unique("OP"), "差分产品", "WEALTH", ProductRisk.R1, BigDecimal.ONE, List.of(),
                    Instant.now())).code());
        }
        service = userToken(unique("osvc"), Role.SERVICE);
        marketer = userToken(unique("omkt"), Role.MARKETER);
        for (int i = 0; i < 3; i++) {
            String key = unique("oman").replace("-", "_");
            String id = createLabel(key, "MANUAL", null);
            manualLabels.put(key, id);
            manualLabelLocalIds.put(key, GlobalId.localId(id, "Label"));
        }
    }

    /** Two RULE labels and six saved segments, each within our branches; later ones may name earlier ones. */
    private void savedRules() {
        for (int i = 0; i < 2; i++) {
            String key = unique("orule").replace("-", "_");
            Map<String, Object> rule = Map.of("and", List.of(Map.of("branchIn", branches), randomLeafTree()));
            ruleLabelIds.put(key, createLabel(key, "RULE", rule));
            ruleLabels.put(key, rule);
        }
        for (int i = 0; i < 6; i++) {
            Map<String, Object> rule = Map.of("and", List.of(Map.of("branchIn", some(branches)), randomRule(1)));
            String id = as(marketer).documentName("mobile/CreateSegment").variable("input", Map.of("name", unique("oseg"), "rule", rule))
                    .execute().path("createSegment.userErrors").entityList(Object.class).hasSize(0)
                    .path("createSegment.segment.id").entity(String.class).get();
            segments.put(id, rule);
        }
    }

    private Map<String, Object> randomLeafTree() {
        return switch (random.nextInt(3)) {
            case 0 -> Map.of("or", List.of(leaf(false), leaf(false)));
            case 1 -> Map.of("not", leaf(false));
            default -> leaf(false);
        };
    }

    private String createLabel(String key, String kind, Map<String, Object> rule) {
        Map<String, Object> input = new HashMap<>(Map.of("key", key, "name", "差分", "category", "MARKETING", "kind", kind));
        if (rule != null) {
            input.put("rule", rule);
        }
        return as(marketer).documentName("mobile/CreateLabel").variable("input", input).execute()
                .path("createLabel.userErrors").entityList(Object.class).hasSize(0)
                .path("createLabel.label.id").entity(String.class).get();
    }

    private void upsertCustomers(int count) {
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            refs.add(unique("OC"));
        }
        feed(refs);
    }

    private void updateCustomers(int count) {
        feed(some(new ArrayList<>(coreByRef.keySet()), count));
    }

    private void feed(List<String> refs) {
        List<Map<String, Object>> rows = refs.stream().map(this::customerRow).toList();
        var response = as(service).documentName("feed/UpsertCustomers").variable("input", Map.of("customers", rows)).execute();
        response.path("upsertCustomers.rows[*].userErrors[*]").entityList(Object.class).hasSize(0);
        List<String> ids = response.path("upsertCustomers.rows[*].customer.id").entityList(String.class).get();
        assertThat(ids).hasSize(refs.size());
        for (int i = 0; i < refs.size(); i++) {
            if (!coreByRef.containsKey(refs.get(i))) {
                coreByRef.put(refs.get(i), ids.get(i));
            }
            everyId.add(ids.get(i));
        }
    }

    private Map<String, Object> customerRow(String ref) {
        Map<String, Object> row = new HashMap<>();
        row.put("externalRef", ref);
        row.put("name", "李娜");
        List<String> managers = new ArrayList<>(managerBranches.keySet());
        int placement = random.nextInt(6);
        if (placement < 4) {
            String manager = pick(managers);
            row.put("managerCode", manager);
            row.put("branchCode", managerBranches.get(manager));
        } else if (placement == 4) {
            row.put("branchCode", pick(branches));
        }
        if (random.nextInt(4) > 0) {
            row.put("riskLevel", "C" + (1 + random.nextInt(5)));
        }
        row.put("source", pick(List.of("EXISTING", "OUTREACH", "WALK_IN")));
        for (String field : List.of("aum", "deposits", "loans", "monthlyAvgDailyDeposit")) {
            if (random.nextInt(6) > 0) {
                row.put(field, random.nextInt(3) == 0 ? BigDecimal.valueOf(random.nextInt(1_000_000_000), 2).toPlainString()
                        : pick(AMOUNTS));
            }
        }
        LocalDate today = LocalDate.now(SHANGHAI);
        if (random.nextInt(8) > 0) {
            int years = 18 + random.nextInt(60);
            LocalDate birth = switch (random.nextInt(6)) {
                case 0 -> today.minusYears(years);
                case 1 -> today.plusDays(1).minusYears(years);
                case 2 -> today.minusDays(1).minusYears(years);
                case 3 -> LocalDate.of(pick(List.of(1960, 1984, 1996, 2000)), 2, 29);
                default -> LocalDate.of(1940 + random.nextInt(65), 1 + random.nextInt(12), 1 + random.nextInt(28));
            };
            row.put("birthDate", birth.toString());
        }
        if (random.nextInt(5) > 0) {
            Instant now = Instant.now();
            Instant startOfToday = today.atStartOfDay(SHANGHAI).toInstant();
            Instant login = switch (random.nextInt(5)) {
                case 0 -> startOfToday.minus(random.nextInt(100), ChronoUnit.DAYS);
                case 1 -> startOfToday.minus(random.nextInt(100), ChronoUnit.DAYS).minusSeconds(1);
                default -> now.minusSeconds(60 + random.nextInt(150 * 86_400));
            };
            row.put("lastLoginAt", (login.isAfter(now) ? now.minusSeconds(1) : login).toString());
        }
        if (random.nextInt(5) > 0) {
            List<Map<String, Object>> consents = new ArrayList<>();
            for (String channel : some(List.of("SMS", "WECHAT", "APP_PUSH", "EMAIL", "PHONE_CALL"), 5)) {
                consents.add(Map.of("channel", channel, "granted", random.nextInt(3) > 0));
            }
            row.put("consents", consents);
        }
        if (random.nextInt(4) > 0) {
            List<Map<String, Object>> held = new ArrayList<>();
            for (String product : random.nextInt(4) == 0 ? List.<String>of() : some(products, 4)) {
                held.add(Map.of("code", product, "balance", "100.00"));
            }
            row.put("products", held);
        }
        return row;
    }

    /** Events for our customers over the last ~120 days (several on one day, some at midnight's edges) and a new prospect. */
    private void trackEvents() {
        List<Map<String, Object>> events = new ArrayList<>();
        Instant now = Instant.now();
        LocalDate today = LocalDate.now(SHANGHAI);
        for (String customer : some(live(), 15)) {
            int burst = 1 + random.nextInt(4);
            Instant first = null;
            for (int i = 0; i < burst; i++) {
                Instant at = switch (random.nextInt(4)) {
                    case 0 -> today.minusDays(random.nextInt(121)).atStartOfDay(SHANGHAI).toInstant().plusSeconds(random.nextInt(2));
                    case 1 -> today.minusDays(random.nextInt(121)).atStartOfDay(SHANGHAI).toInstant().minusSeconds(1 + random.nextInt(2));
                    default -> now.minusSeconds(1 + random.nextInt(120 * 86_400));
                };
                // A burst lands within seconds of its first event: several events on one day, some across midnight.
                Instant when = first == null ? at : first.plusSeconds(i);
                first = first == null ? at : first;
                Map<String, Object> event = new HashMap<>();
                event.put("customerId", customer);
                event.put("type", pick(EVENT_TYPES));
                event.put("occurredAt", (when.isAfter(now) ? now : when).toString());
                if (random.nextInt(4) > 0) {
                    event.put("channel", pick(List.of("APP_PUSH", "WECHAT", "MINI_PROGRAM", "WEB")));
                }
                events.add(event);
            }
        }
        String openid = unique("oov");
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            events.add(Map.of("identity", Map.of("channel", "MINI_PROGRAM", "externalId", openid), "type", pick(EVENT_TYPES),
                    "occurredAt", now.minusSeconds(random.nextInt(10 * 86_400)).toString()));
        }
        String prospect = trackAndFindOwner(service, events, "MINI_PROGRAM", openid);
        prospectByOpenid.put(openid, prospect);
        everyId.add(prospect);
    }

    /** A prospect folded into a core customer or another prospect (its events, labels and products follow). */
    private void mergeCustomers() {
        if (prospectByOpenid.isEmpty()) {
            return;
        }
        List<String> openids = new ArrayList<>(prospectByOpenid.keySet());
        Collections.shuffle(openids, random);
        String merged = prospectByOpenid.remove(openids.get(0));
        String survivor = openids.size() > 1 && random.nextBoolean() ? prospectByOpenid.get(openids.get(1))
                : pick(new ArrayList<>(coreByRef.values()));
        as(marketer).documentName("mini-program/MergeCustomers")
                .variable("input", Map.of("survivorId", survivor, "mergedId", merged)).execute()
                .path("mergeCustomers.userErrors").entityList(Object.class).hasSize(0);
        merges++;
    }

    private void labelChanges(int count) {
        for (int i = 0; i < count; i++) {
            boolean apply = random.nextInt(3) > 0;
            as(marketer).documentName(apply ? "mobile/ApplyLabel" : "mobile/RemoveLabel")
                    .variable("input", Map.of("labelId", pick(new ArrayList<>(manualLabels.values())), "customerIds", some(live(), 12)))
                    .execute().path((apply ? "applyLabel" : "removeLabel") + ".userErrors").entityList(Object.class).hasSize(0);
        }
    }

    private List<String> live() {
        List<String> live = new ArrayList<>(coreByRef.values());
        live.addAll(prospectByOpenid.values());
        return live;
    }

    private <T> List<T> some(List<T> values, int most) {
        List<T> shuffled = new ArrayList<>(values);
        Collections.shuffle(shuffled, random);
        return new ArrayList<>(shuffled.subList(0, Math.min(shuffled.size(), 1 + random.nextInt(most))));
    }

    private List<String> some(List<String> values) {
        return some(values, values.size());
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
