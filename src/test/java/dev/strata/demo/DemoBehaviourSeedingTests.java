package dev.strata.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.strata.audience.Attribute;
import dev.strata.audience.AudienceIndex;
import dev.strata.balance.BalanceMonth;
import dev.strata.customer.Customer;
import dev.strata.event.Event;
import dev.strata.label.Label;
import dev.strata.label.LabelKind;
import dev.strata.rule.RuleEvaluator;
import dev.strata.rule.SegmentRule;
import dev.strata.security.Role;
import dev.strata.segment.Segment;
import dev.strata.shared.Channel;
import dev.strata.shared.EventTypes;
import dev.strata.support.ClientExamples;
import dev.strata.support.StrataIntegrationTest;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/** A seeded demo bank behaves: its portraits show the events stored beside them, and its labels and segments match someone. */
@TestPropertySource(properties = {"strata.demo.customers=3000", "strata.demo.seed=20261123"})
class DemoBehaviourSeedingTests extends StrataIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    MongoTemplate mongo;
    @Autowired
    AudienceIndex index;
    @Autowired
    RuleEvaluator evaluator;
    @Autowired
    Clock clock;

    @Test
    void everyRuleLabelIsCarriedByExactlyTheCustomersItsRuleMatches() {
        List<Label> ruleLabels = mongo.find(Query.query(Criteria.where("kind").is(LabelKind.RULE)
                .and("createdBy").is(DemoLabels.CREATED_BY)), Label.class);
        assertThat(ruleLabels).extracting(Label::key)
                .containsExactlyInAnyOrder("online-shopper", "investor", "frequent-transfer", "bill-payer", "wealth-interest");
        for (Label label : ruleLabels) {
            RoaringBitmap members = evaluator.members(label.rule());
            assertThat(members.getCardinality()).as("members of %s", label.key()).isGreaterThan(30);
            assertThat(index.members(Attribute.LABEL, label.id())).as("carriers of %s", label.key()).isEqualTo(members);
        }
    }

    @Test
    void everyDemoSegmentMatchesSomeoneAndTheyUseEveryKindOfCondition() {
        List<Segment> segments = mongo.find(Query.query(Criteria.where("createdBy").is(DemoSegments.CREATED_BY)), Segment.class);
        assertThat(segments).hasSizeGreaterThanOrEqualTo(7);
        Set<String> kinds = new HashSet<>();
        for (Segment segment : segments) {
            assertThat(evaluator.members(segment.rule()).getCardinality()).as(segment.name()).isPositive();
            Deque<SegmentRule> nodes = new ArrayDeque<>(List.of(segment.rule()));
            while (!nodes.isEmpty()) {
                SegmentRule node = nodes.pop();
                kinds.addAll(node.fieldsSet());
                nodes.addAll(node.children());
            }
        }
        assertThat(kinds).containsExactlyInAnyOrder("and", "or", "not", "hasLabel", "tierIn", "quadrantIn", "sourceIn",
                "lifecycleIn", "riskLevelIn", "branchIn", "managerIn", "numeric", "event", "hasProduct", "consentTo",
                "inSegment");
    }

    @Test
    void aMarketersRuleLabelCountsExactlyWhomItsRuleMatches() throws Exception {
        Map<String, Object> variables = JSON.readValue(Files.readString(ClientExamples.variablesOf("mobile/CreateRuleLabel")),
                JSON.getTypeFactory().constructMapType(HashMap.class, String.class, Object.class));
        String marketer = userToken("demo-rule-marketer", Role.MARKETER);
        var response = as(marketer).documentName("mobile/CreateRuleLabel").variables(variables).execute();
        response.path("createLabel.userErrors").entityList(Object.class).hasSize(0)
                .path("createLabel.label.kind").entity(String.class).isEqualTo("RULE");
        Label stored = mongo.findOne(Query.query(Criteria.where("key").is("mini-program-payer")), Label.class);
        response.path("createLabel.label.customerCount").entity(Integer.class)
                .isEqualTo(evaluator.members(stored.rule()).getCardinality());
    }

    @Test
    void portraitsShowTheirLatestStoredEventsAndLastLogin() {
        Map<String, List<Event>> events = mongo.findAll(Event.class).stream()
                .collect(Collectors.groupingBy(Event::customerId));
        assertThat(events.values().stream().mapToInt(List::size).sum()).as("events").isGreaterThan(3000);
        assertThat(events.values().stream().flatMap(List::stream).map(Event::type).collect(Collectors.toSet()))
                .contains(EventTypes.LOGIN, EventTypes.TRANSFER, EventTypes.BILL_PAYMENT, EventTypes.PURCHASE,
                        EventTypes.VIEW_PRODUCT, EventTypes.SHARE);
        Instant now = clock.instant();
        Instant horizon = LocalDate.ofInstant(now, ZONE).minusDays(89).atStartOfDay(ZONE).toInstant();
        for (Customer customer : mongo.findAll(Customer.class)) {
            List<Event> own = events.getOrDefault(customer.id(), List.of()).stream()
                    .sorted(Comparator.comparing(Event::occurredAt).reversed()).toList();
            assertThat(customer.recentEvents()).extracting(Customer.RecentEvent::eventId)
                    .containsExactlyElementsOf(own.stream().limit(20).map(Event::id).toList());
            own.stream().filter(e -> e.type().equals(EventTypes.LOGIN)).findFirst().ifPresent(login ->
                    assertThat(customer.digital().lastLoginAt()).isEqualTo(login.occurredAt().truncatedTo(ChronoUnit.MILLIS)));
            assertThat(own).allSatisfy(e -> {
                assertThat(e.occurredAt()).isBetween(horizon, now);
                if (e.type().equals(EventTypes.LOGIN)) {
                    assertThat(e.channel()).isIn(Channel.WEB, Channel.MINI_PROGRAM);
                }
            });
        }
    }

    @Test
    void theBalanceLedgerAgreesWithThePortraitsMonthlyAverage() {
        String month = YearMonth.from(LocalDate.ofInstant(clock.instant(), ZONE)).toString();
        Map<String, BalanceMonth> current = mongo.find(Query.query(Criteria.where("month").is(month)), BalanceMonth.class)
                .stream().collect(Collectors.toMap(BalanceMonth::customerId, m -> m));
        List<Customer> customers = mongo.findAll(Customer.class);
        long agreeing = customers.stream().filter(c -> current.containsKey(c.id())
                && current.get(c.id()).avgDailyDeposit().compareTo(c.assets().monthlyAvgDailyDeposit()) == 0
                && c.balanceMonths().get(c.balanceMonths().size() - 1).month().equals(month)).count();
        assertThat(current).hasSize(customers.size());
        assertThat(agreeing).isGreaterThan(customers.size() * 95L / 100);
    }
}
