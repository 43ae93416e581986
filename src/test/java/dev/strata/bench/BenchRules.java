package dev.strata.bench;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The five fixed rules, each as the {@code previewSegment} input and as the MongoDB filter a developer would
 * otherwise write over the customer documents (labels as carried, "logged in within 30 days" as the last login).
 */
final class BenchRules {

    static final List<String> TEN_LABELS = List.of("payroll-client", "pension-client", "vip-watch", "fund-interest",
            "mortgage-interest", "private-banking-lead", "complaint-history", "salon-invitee", "online-shopper", "bill-payer");

    /** A rule's name, its GraphQL input and its MongoDB filter. */
    record Rule(String name, Map<String, Object> rule, Document filter) {
    }

    private final MongoTemplate mongo;
    private final LocalDate today;
    private final ZoneId zone;

    BenchRules(MongoTemplate mongo, Clock clock, ZoneId zone) {
        this.mongo = mongo;
        this.today = LocalDate.now(clock.withZone(zone));
        this.zone = zone;
    }

    List<Rule> rules() {
        return List.of(
                new Rule("(1) tier GOLD|PLATINUM and label investor",
                        and(Map.of("tierIn", List.of("GOLD", "PLATINUM")), Map.of("hasLabel", "investor")),
                        live(new Document("tier", new Document("$in", List.of("GOLD", "PLATINUM")))
                                .append("labels.labelId", labelId("investor")))),
                new Rule("(2) AUM >= 500,000, age [30,50), not online-shopper",
                        and(Map.of("numeric", Map.of("field", "AUM", "gte", 500_000)),
                                Map.of("numeric", Map.of("field", "AGE", "gte", 30, "lt", 50)),
                                Map.of("not", Map.of("hasLabel", "online-shopper"))),
                        live(new Document("assets.aum", new Document("$gte", Decimal128.parse("500000")))
                                .append("birthDate", new Document("$gt", utcMidnight(today.minusYears(50)))
                                        .append("$lte", utcMidnight(today.minusYears(30))))
                                .append("labels.labelId", new Document("$ne", labelId("online-shopper"))))),
                new Rule("(3) (tier DIAMOND or quadrant OPTIMAL) and consent WECHAT",
                        and(Map.of("or", List.of(Map.of("tierIn", List.of("DIAMOND")), Map.of("quadrantIn", List.of("OPTIMAL")))),
                                Map.of("consentTo", "WECHAT")),
                        live(new Document("$or", List.of(new Document("tier", "DIAMOND"), new Document("value.quadrant", "OPTIMAL")))
                                .append("consents", new Document("$elemMatch", new Document("channel", "WECHAT")
                                        .append("granted", true))))),
                new Rule("(4) LOGIN within 30 days and not holding FUND-EQUITY",
                        and(Map.of("event", Map.of("type", "LOGIN", "withinDays", 30)),
                                Map.of("not", Map.of("hasProduct", "FUND-EQUITY"))),
                        live(new Document("digital.lastLoginAt", new Document("$gte",
                                Date.from(today.minusDays(29).atStartOfDay(zone).toInstant())))
                                .append("products.code", new Document("$ne", "FUND-EQUITY")))),
                new Rule("(5) or of 10 labels and 2 branches",
                        Map.of("or", List.of(TEN_LABELS.stream().map(k -> Map.of("hasLabel", k)).toList(),
                                List.of(Map.of("branchIn", List.of("BR01", "BR02")))).stream().flatMap(List::stream).toList()),
                        live(new Document("$or", List.of(
                                new Document("labels.labelId", new Document("$in", TEN_LABELS.stream().map(this::labelId).toList())),
                                new Document("branchCode", new Document("$in", List.of("BR01", "BR02"))))))));
    }

    private static Map<String, Object> and(Object... children) {
        return Map.of("and", List.of(children));
    }

    private static Document live(Document filter) {
        return filter.append("mergedInto", null);
    }

    private static Date utcMidnight(LocalDate date) {
        return Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private String labelId(String key) {
        Document label = mongo.getCollection("labels").find(new Document("key", key)).first();
        if (label == null) {
            throw new IllegalStateException("no label " + key + ": seed the demo data");
        }
        return String.valueOf(label.get("_id"));
    }
}
