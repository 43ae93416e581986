package dev.strata.rule;

import dev.strata.support.SettableClock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import dev.strata.audience.AudienceEvent;
import dev.strata.audience.AudienceIndex;
import dev.strata.audience.AudienceRecord;
import dev.strata.audience.Measure;
import dev.strata.graphql.GlobalId;
import dev.strata.shared.Tier;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Differential test of the kept RULE label members: after random customer writes, events, merges, a saved segment's
 * rule changing and the clock crossing midnight in Asia/Shanghai, rules naming RULE labels give exactly what a fresh
 * evaluation (nothing kept) and a brute-force evaluation of the customers give.
 */
class RuleLabelMembersMatchFreshEvaluationTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final int CUSTOMERS = 300;
    private static final List<String> BRANCHES = List.of("B1", "B2", "B3");
    private static final List<String> PRODUCTS = List.of("P1", "P2", "P3");
    private static final List<String> MANUAL = List.of("m1", "m2");
    private static final List<String> TYPES = List.of("LOGIN", "PURCHASE", "VIEW_PRODUCT");

    private final SettableClock clock = new SettableClock();
    private final AudienceIndex index = new AudienceIndex(clock, SHANGHAI);
    private final Map<String, LabelKeys.LabelRef> labels = new LinkedHashMap<>();
    private final Map<String, SegmentRule> segments = new HashMap<>();
    private final Map<Integer, AudienceRecord> customers = new HashMap<>();
    /** Events by ID: seq, type and day (a merge moves them to the survivor). */
    private final Map<String, AudienceEvent> events = new LinkedHashMap<>();
    private final LabelKeys labelKeys = keys -> {
        Map<String, LabelKeys.LabelRef> found = new HashMap<>();
        keys.forEach(key -> Optional.ofNullable(labels.get(key)).ifPresent(ref -> found.put(key, ref)));
        return found;
    };
    private final SegmentRules segmentRules = id -> Optional.ofNullable(segments.get(id));
    private final RuleEvaluator kept = new RuleEvaluator(index, labelKeys, segmentRules, new RuleLabelMembers(), clock, SHANGHAI);
    private Random random;
    private int nextEvent;
    private int nextSeq = CUSTOMERS;

    @Test
    void keptRuleLabelMembersAreExactlyAFreshEvaluationsAfterEveryKindOfChangeAndAtMidnight() {
        long seed = Long.getLong("rules.seed", System.nanoTime());
        random = new Random(seed);
        clock.set(LocalDate.now(SHANGHAI).plusDays(3).atTime(23, 0).atZone(SHANGHAI).toInstant());
        labels.put("m1", new LabelKeys.LabelRef("id-m1", null));
        labels.put("m2", new LabelKeys.LabelRef("id-m2", null));
        labels.put("shopper", ruleLabel("id-shopper", event("PURCHASE", 3, 2)));
        labels.put("young-login", ruleLabel("id-young", and(age(null, 30.0), event("LOGIN", 1, 1))));
        labels.put("investor", ruleLabel("id-investor", or(product("P1"), event("VIEW_PRODUCT", 7, 3))));
        labels.put("nested", ruleLabel("id-nested", and(label("shopper"), not(label("m1")), tier(Tier.GOLD))));
        labels.put("via-segment", ruleLabel("id-via-segment", and(segment("s1"), event("LOGIN", 2, 1))));
        segments.put("s1", branch("B1"));
        for (int seq = 0; seq < CUSTOMERS; seq++) {
            customers.put(seq, randomCustomer(seq));
        }
        index.put(customers.values());
        for (int i = 0; i < 600; i++) {
            addEvent(random.nextInt(CUSTOMERS));
        }
        index.recordEvents(events.values());
        List<SegmentRule> rules = new ArrayList<>();
        labels.keySet().forEach(key -> rules.add(label(key)));
        rules.add(and(tier(Tier.GOLD, Tier.PLATINUM), label("investor")));
        rules.add(and(age(30.0, 50.0), not(label("shopper"))));
        rules.add(or(label("shopper"), label("young-login"), label("investor"), label("nested"), label("via-segment"),
                label("m2"), branch("B2", "B3")));
        rules.add(not(label("nested")));
        try {
            int changes = 0;
            for (int step = 0; step < 200; step++) {
                check(rules, "step " + step);
                changes += change();
            }
            assertThat(changes).as("steps that changed something").isGreaterThan(100);
            midnight(rules);
        } catch (AssertionError e) {
            throw new AssertionError("rerun with -Drules.seed=" + seed + ": " + e.getMessage(), e);
        }
    }

    /** One random change: customer writes, events (some resent), a merge, the segment's rule, or the clock; or none. */
    private int change() {
        switch (random.nextInt(8)) {
            case 0 -> {
                List<AudienceRecord> changed = new ArrayList<>();
                for (int i = 0; i < 1 + random.nextInt(5); i++) {
                    int seq = random.nextInt(nextSeq);
                    if (customers.get(seq).live()) {
                        changed.add(randomCustomer(seq));
                    }
                }
                changed.forEach(record -> customers.put(record.seq(), record));
                index.put(changed);
            }
            case 1 -> {
                List<AudienceEvent> added = new ArrayList<>();
                for (int i = 0; i < 1 + random.nextInt(20); i++) {
                    added.add(addEvent(random.nextInt(nextSeq)));
                }
                if (!events.isEmpty()) {
                    added.add(new ArrayList<>(events.values()).get(random.nextInt(events.size())));
                }
                index.recordEvents(added);
            }
            case 2 -> {
                int from = random.nextInt(nextSeq);
                int to = random.nextInt(nextSeq);
                if (from == to || !customers.get(from).live() || !customers.get(to).live()) {
                    return 0;
                }
                events.replaceAll((id, e) -> e.seq() == from ? new AudienceEvent(id, to, e.type(), e.channel(), e.epochDay()) : e);
                index.moveEvents(from, to);
                customers.put(from, AudienceRecord.gone(from));
                index.put(List.of(customers.get(from)));
            }
            case 3 -> {
                AudienceRecord created = randomCustomer(nextSeq++);
                customers.put(created.seq(), created);
                index.putNew(List.of(created));
            }
            case 4 -> segments.put("s1", random.nextBoolean() ? branch(BRANCHES.get(random.nextInt(BRANCHES.size())))
                    : tier(Tier.values()[random.nextInt(Tier.values().length)]));
            case 5 -> clock.set(clock.instant().plusSeconds(3600L * (1 + random.nextInt(20))));
            default -> {
                return 0;
            }
        }
        return 1;
    }

    /** Just before and just after midnight, with the members kept before it; the windows and ages must move. */
    private void midnight(List<SegmentRule> rules) {
        LocalDate day = LocalDate.now(clock.withZone(SHANGHAI));
        int young = (int) customers.values().stream().filter(AudienceRecord::live).count() / 2;
        List<AudienceRecord> birthdays = new ArrayList<>();
        for (int seq = 0; seq < young; seq++) {
            if (customers.get(seq).live()) {
                birthdays.add(withBirthDay(customers.get(seq), day.plusDays(1).minusYears(30)));
            }
        }
        birthdays.forEach(record -> customers.put(record.seq(), record));
        index.put(birthdays);
        List<AudienceEvent> today = new ArrayList<>();
        for (int seq = 0; seq < CUSTOMERS; seq += 3) {
            today.add(addEvent(seq, "LOGIN", day));
            today.add(addEvent(seq, "PURCHASE", day.minusDays(2)));
            today.add(addEvent(seq, "PURCHASE", day));
        }
        index.recordEvents(today);
        clock.set(day.atTime(LocalTime.of(23, 59, 59, 999_000_000)).atZone(SHANGHAI).toInstant());
        Map<SegmentRule, RoaringBitmap> before = check(rules, "before midnight");
        check(rules, "before midnight, kept");
        clock.set(day.plusDays(1).atStartOfDay(SHANGHAI).toInstant());
        Map<SegmentRule, RoaringBitmap> after = check(rules, "after midnight");
        assertThat(after.get(label("young-login"))).as("young-login moves at midnight").isNotEqualTo(before.get(label("young-login")));
        assertThat(after.get(label("shopper"))).as("shopper moves at midnight").isNotEqualTo(before.get(label("shopper")));
    }

    /** Each rule's members, kept, kept again and fresh, against the brute force; returns the members. */
    private Map<SegmentRule, RoaringBitmap> check(List<SegmentRule> rules, String when) {
        Map<SegmentRule, RoaringBitmap> members = new HashMap<>();
        LocalDate today = LocalDate.now(clock.withZone(SHANGHAI));
        for (SegmentRule rule : rules) {
            RoaringBitmap expected = bruteForce(rule, today);
            RuleEvaluator fresh = new RuleEvaluator(index, labelKeys, segmentRules, new RuleLabelMembers(), clock, SHANGHAI);
            assertThat(fresh.members(rule)).as(when + ": fresh evaluation of " + rule).isEqualTo(expected);
            assertThat(kept.members(rule)).as(when + ": with kept RULE labels, " + rule).isEqualTo(expected);
            assertThat(kept.members(rule)).as(when + ": again with kept RULE labels, " + rule).isEqualTo(expected);
            members.put(rule, expected);
        }
        return members;
    }

    private RoaringBitmap bruteForce(SegmentRule rule, LocalDate today) {
        RoaringBitmap members = new RoaringBitmap();
        customers.values().stream().filter(AudienceRecord::live).filter(c -> matches(rule, c, today))
                .forEach(c -> members.add(c.seq()));
        return members;
    }

    private boolean matches(SegmentRule rule, AudienceRecord customer, LocalDate today) {
        if (rule.and() != null) {
            return rule.and().stream().allMatch(child -> matches(child, customer, today));
        }
        if (rule.or() != null) {
            return rule.or().stream().anyMatch(child -> matches(child, customer, today));
        }
        if (rule.not() != null) {
            return !matches(rule.not(), customer, today);
        }
        if (rule.hasLabel() != null) {
            LabelKeys.LabelRef ref = labels.get(rule.hasLabel());
            return ref.rule() == null ? customer.labels().contains(ref.id()) : matches(ref.rule(), customer, today);
        }
        if (rule.tierIn() != null) {
            return rule.tierIn().stream().anyMatch(tier -> tier.name().equals(customer.tier()));
        }
        if (rule.branchIn() != null) {
            return rule.branchIn().contains(customer.branch());
        }
        if (rule.hasProduct() != null) {
            return customer.products().contains(rule.hasProduct());
        }
        if (rule.inSegment() != null) {
            return matches(segments.get(GlobalId.localId(rule.inSegment(), "Segment")), customer, today);
        }
        if (rule.numeric() != null) {
            Long born = customer.measures().get(Measure.BIRTH_DAY);
            SegmentRule.NumericCondition age = rule.numeric();
            return born != null && (age.gte() == null || born <= today.minusYears(age.gte().longValue()).toEpochDay())
                    && (age.lt() == null || born > today.minusYears(age.lt().longValue()).toEpochDay());
        }
        SegmentRule.EventCondition event = rule.event();
        long from = today.toEpochDay() - event.withinDays() + 1;
        long count = events.values().stream().filter(e -> e.seq() == customer.seq() && e.type().equals(event.type())
                && e.epochDay() >= from && e.epochDay() <= today.toEpochDay()).count();
        return count >= event.minCountOrDefault();
    }

    private AudienceRecord randomCustomer(int seq) {
        LocalDate today = LocalDate.now(clock.withZone(SHANGHAI));
        List<String> labelIds = MANUAL.stream().filter(key -> random.nextInt(3) == 0).map(key -> labels.get(key).id()).toList();
        List<String> products = PRODUCTS.stream().filter(code -> random.nextInt(3) == 0).toList();
        Map<Measure, Long> measures = new HashMap<>();
        if (random.nextInt(5) > 0) {
            measures.put(Measure.BIRTH_DAY, today.minusYears(20 + random.nextInt(40)).plusDays(random.nextInt(5) - 2).toEpochDay());
        }
        return new AudienceRecord(seq, true, BRANCHES.get(random.nextInt(BRANCHES.size())), null,
                Tier.values()[random.nextInt(Tier.values().length)].name(), null, null, null, null, labelIds, products, List.of(),
                measures);
    }

    private static AudienceRecord withBirthDay(AudienceRecord c, LocalDate born) {
        Map<Measure, Long> measures = new HashMap<>(c.measures());
        measures.put(Measure.BIRTH_DAY, born.toEpochDay());
        return new AudienceRecord(c.seq(), true, c.branch(), c.manager(), c.tier(), c.source(), c.lifecycle(), c.risk(),
                c.quadrant(), c.labels(), c.products(), c.consents(), measures);
    }

    private AudienceEvent addEvent(int seq) {
        LocalDate today = LocalDate.now(clock.withZone(SHANGHAI));
        return addEvent(seq, TYPES.get(random.nextInt(TYPES.size())), today.minusDays(random.nextInt(10)));
    }

    private AudienceEvent addEvent(int seq, String type, LocalDate day) {
        AudienceEvent event = new AudienceEvent("e" + nextEvent++, seq, type, null, Math.toIntExact(day.toEpochDay()));
        events.put(event.eventId(), event);
        return event;
    }

    private static LabelKeys.LabelRef ruleLabel(String id, SegmentRule rule) {
        return new LabelKeys.LabelRef(id, rule);
    }

    private static SegmentRule node(List<SegmentRule> and, List<SegmentRule> or, SegmentRule not, String hasLabel, List<Tier> tierIn,
            List<String> branchIn, SegmentRule.NumericCondition numeric, SegmentRule.EventCondition event, String hasProduct,
            String inSegment) {
        return new SegmentRule(and, or, not, hasLabel, tierIn, null, null, null, null, branchIn, null, numeric, event, hasProduct,
                null, inSegment);
    }

    private static SegmentRule and(SegmentRule... children) {
        return node(List.of(children), null, null, null, null, null, null, null, null, null);
    }

    private static SegmentRule or(SegmentRule... children) {
        return node(null, List.of(children), null, null, null, null, null, null, null, null);
    }

    private static SegmentRule not(SegmentRule child) {
        return node(null, null, child, null, null, null, null, null, null, null);
    }

    private static SegmentRule label(String key) {
        return node(null, null, null, key, null, null, null, null, null, null);
    }

    private static SegmentRule tier(Tier... tiers) {
        return node(null, null, null, null, List.of(tiers), null, null, null, null, null);
    }

    private static SegmentRule branch(String... codes) {
        return node(null, null, null, null, null, List.of(codes), null, null, null, null);
    }

    private static SegmentRule age(Double gte, Double lt) {
        return node(null, null, null, null, null, null, new SegmentRule.NumericCondition(NumericField.AGE, gte, lt), null, null, null);
    }

    private static SegmentRule event(String type, int withinDays, int minCount) {
        return node(null, null, null, null, null, null, null, new SegmentRule.EventCondition(type, null, withinDays, minCount), null,
                null);
    }

    private static SegmentRule product(String code) {
        return node(null, null, null, null, null, null, null, null, code, null);
    }

    private static SegmentRule segment(String localId) {
        return SegmentRule.inSegment(GlobalId.encode("Segment", localId));
    }

}
