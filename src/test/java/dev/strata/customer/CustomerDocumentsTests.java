package dev.strata.customer;

import dev.strata.shared.Channel;
import dev.strata.shared.CustomerSource;
import dev.strata.shared.LifecycleStage;
import dev.strata.shared.RiskLevel;
import dev.strata.shared.Tier;
import dev.strata.shared.ValueQuadrant;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.TimeZone;
import java.util.function.Supplier;

import com.mongodb.client.MongoCollection;
import dev.strata.support.StrataIntegrationTest;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written customer documents against the object mapper as oracle: random portraits with every
 * field filled or left out must be stored byte for byte as the mapper stores them (less the empty lists and
 * unscored value, which are left out) and read back as the same portrait, and a feed update applied in the
 * store must leave what the mapper would write for the customer it describes.
 */
class CustomerDocumentsTests extends StrataIntegrationTest {

    private static final java.util.Set<String> PRIMITIVES = java.util.Set.of("seq", "referralCount", "appRegistered",
            "miniProgramBound", "granted");
    private static final Instant NOW = Instant.parse("2026-11-23T02:15:30.123Z");

    @Autowired
    private MongoTemplate mongo;

    @Test
    void newDocumentsAreStoredExactlyAsTheMapperStoresThemLessWhatIsEmpty() {
        Random random = new Random(11);
        int omitted = 0;
        for (int i = 0; i < 500; i++) {
            Customer customer = randomCustomer(random);
            BsonDocument mapped = mapped(customer);
            BsonDocument expected = withoutEmptyValues(mapped);
            omitted += mapped.size() - expected.size();
            assertThat(bson(CustomerDocuments.of(customer))).as("customer %d: %s", i, customer).isEqualTo(expected);
        }
        assertThat(omitted).as("empty lists and unscored values seen").isGreaterThan(500);
    }

    @Test
    void newDocumentsReadBackAsTheSamePortrait() {
        Random random = new Random(13);
        for (int i = 0; i < 500; i++) {
            Customer customer = randomCustomer(random);
            Customer read = mongo.getConverter().read(Customer.class, CustomerDocuments.of(customer));
            assertThat(read).as("customer %d", i).usingRecursiveComparison().isEqualTo(customer);
        }
    }

    @Test
    void theHandWrittenReaderReadsStoredAndPartialDocumentsAsTheMapperDoes() {
        MappingMongoConverter oracle = plainMapper();
        Random random = new Random(14);
        int partial = 0;
        for (int i = 0; i < 500; i++) {
            Customer customer = randomCustomer(random);
            mongo.insert(customer);
            Document stored = mongo.findById(customer.id(), Document.class, CustomerDocuments.COLLECTION);
            if (random.nextBoolean()) {   // as projections read it: any fields left out, at the top or inside
                dropSomeFields(stored, random);
                partial++;
            }
            Customer expected = oracle.read(Customer.class, stored);
            assertThat(new CustomerDocumentReader().convert(stored)).as("document %d: %s", i, stored)
                    .usingRecursiveComparison().isEqualTo(expected);
        }
        assertThat(partial).isGreaterThan(100);
        assertThat(((MappingMongoConverter) mongo.getConverter()).getCustomConversions().hasCustomReadTarget(Document.class, Customer.class))
                .as("the service reads customers with it").isTrue();
    }

    /** The generic mapping as configured in the store, without the hand-written readers. */
    private static MappingMongoConverter plainMapper() {
        MongoCustomConversions conversions = MongoCustomConversions.create(adapter -> adapter.useNativeDriverJavaTimeCodecs()
                .bigDecimal(MongoCustomConversions.BigDecimalRepresentation.DECIMAL128));
        MongoMappingContext context = new MongoMappingContext();
        context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        context.afterPropertiesSet();
        MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
        return converter;
    }

    /** Leaves out a third of the fields, but not the primitive ones: the mapper cannot read a document without those. */
    private static void dropSomeFields(Document document, Random random) {
        document.keySet().removeIf(key -> !PRIMITIVES.contains(key) && random.nextInt(3) == 0);
        for (Object value : document.values()) {
            if (value instanceof Document nested) {
                dropSomeFields(nested, random);
            } else if (value instanceof List<?> list) {
                list.stream().filter(Document.class::isInstance).forEach(item -> dropSomeFields((Document) item, random));
            }
        }
    }

    /** The mapper's document less its empty arrays and empty subdocuments (an unscored value). */
    private static BsonDocument withoutEmptyValues(BsonDocument mapped) {
        BsonDocument slim = mapped.clone();
        slim.entrySet().removeIf(field -> (field.getValue().isArray() && field.getValue().asArray().isEmpty())
                || (field.getValue().isDocument() && field.getValue().asDocument().isEmpty()));
        return slim;
    }

    @Test
    void datesAreUtcMidnightWhateverTheServerZone() {
        TimeZone zone = TimeZone.getDefault();
        try {
            for (String id : List.of("America/Los_Angeles", "Asia/Shanghai", "Pacific/Kiritimati")) {
                TimeZone.setDefault(TimeZone.getTimeZone(id));
                Customer customer = randomCustomer(new Random(id.hashCode()));
                mongo.insert(customer);
                Document stored = mongo.findById(customer.id(), Document.class, CustomerDocuments.COLLECTION);
                assertThat(((java.util.Date) stored.get("birthDate")).toInstant()).as(id)
                        .isEqualTo(customer.birthDate().atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
                assertThat(mongo.findById(customer.id(), Customer.class).birthDate()).as(id).isEqualTo(customer.birthDate());
            }
        } finally {
            TimeZone.setDefault(zone);
        }
    }

    @Test
    void feedUpdatesLeaveWhatTheMapperWouldWriteForTheUpdatedCustomer() {
        Random random = new Random(12);
        MongoCollection<Document> customers = mongo.getCollection(CustomerDocuments.COLLECTION);
        for (int i = 0; i < 300; i++) {
            Customer before = randomCustomer(random);
            mongo.insert(before);
            CustomerInput row = randomRow(random, before.externalRef());
            String branch = random.nextBoolean() ? null : "BR" + random.nextInt(9);
            customers.updateOne(new Document("_id", new ObjectId(before.id())), CustomerRows.update(row, branch, "hash" + i, NOW));

            Customer expected = expectedAfter(before, row, branch, "hash" + i);
            BsonDocument stored = bson(mongo.findById(before.id(), Document.class, CustomerDocuments.COLLECTION));
            assertThat(stored).as("update %d of %s with %s", i, before, row).isEqualTo(mapped(expected));
        }
    }

    /** The oracle: the customer a feed row describes, written out field by field. */
    private static Customer expectedAfter(Customer before, CustomerInput row, String branch, String hash) {
        Customer.AssetSummary assets = new Customer.AssetSummary(or(row.aum(), before.assets().aum()),
                or(row.deposits(), before.assets().deposits()),
                or(row.monthlyAvgDailyDeposit(), before.assets().monthlyAvgDailyDeposit()), or(row.loans(), before.assets().loans()));
        Customer.DigitalEngagement digital = new Customer.DigitalEngagement(
                or(row.appRegistered(), before.digital().appRegistered()), before.digital().miniProgramBound(),
                or(row.lastLoginAt(), before.digital().lastLoginAt()));
        List<Customer.Consent> consents = row.consents() == null ? before.consents() : row.consents().stream()
                .map(c -> new Customer.Consent(Channel.valueOf(c.channel()), c.granted(), NOW)).toList();
        LinkedHashSet<Customer.ChannelIdentity> identities = new LinkedHashSet<>(before.identities());
        if (row.identities() != null) {
            row.identities().forEach(id -> identities.add(new Customer.ChannelIdentity(id.channel(), id.externalId().trim())));
        }
        List<Customer.HeldProduct> products = row.products() == null ? before.products() : row.products().stream()
                .map(p -> new Customer.HeldProduct(p.code(), p.openedAt(), p.balance())).toList();
        return new Customer(before.id(), before.seq(), before.externalRef(), row.name().trim(), or(row.gender(), before.gender()),
                or(row.birthDate(), before.birthDate()), or(row.phone(), before.phone()), or(row.idNumber(), before.idNumber()),
                or(row.sourceValue(), before.source()), before.lifecycleStage(), or(row.riskLevelValue(), before.riskLevel()),
                or(row.riskAssessedAt(), before.riskAssessedAt()), or(branch, before.branchCode()),
                or(row.managerCode(), before.managerCode()), assets, digital, consents, new ArrayList<>(identities),
                before.labels(), products, before.tier(), before.tierHistory(), before.value(), before.preferredChannel(),
                before.balanceMonths(), before.recentEvents(), before.recentTouchpoints(), before.referredBy(),
                before.referralCount(), before.mergedInto(), hash, before.createdAt(), NOW,
                new Customer.Economics(or(row.annualFeeIncome(), before.economics().annualFeeIncome()),
                        or(row.acquisitionCost(), before.economics().acquisitionCost()),
                        or(row.maintenanceCost(), before.economics().maintenanceCost())), before.scoring());
    }

    private BsonDocument mapped(Customer customer) {
        Document document = new Document();
        mongo.getConverter().write(customer, document);
        return bson(document);
    }

    /** A document as the driver encodes it, so values are compared as stored, not as Java objects. */
    private BsonDocument bson(Document document) {
        return document.toBsonDocument(Document.class, mongo.getDb().getCodecRegistry());
    }

    private static Customer randomCustomer(Random random) {
        return new Customer(new ObjectId().toHexString(), random.nextInt(1_000_000_000), maybe(random, () -> unique("X")),
                "客户" + random.nextInt(1000), maybe(random, () -> random.nextBoolean() ? "M" : "F"), maybe(random, () -> date(random)),
                maybe(random, () -> "139" + random.nextInt(100_000_000)), maybe(random, () -> "11010119900101" + random.nextInt(10_000)),
                pick(random, CustomerSource.values()), pick(random, LifecycleStage.values()), pick(random, RiskLevel.values()),
                maybe(random, () -> date(random)), maybe(random, () -> "BR" + random.nextInt(9)),
                maybe(random, () -> "RM" + random.nextInt(99)),
                maybe(random, () -> new Customer.AssetSummary(money(random), money(random), money(random), money(random))),
                maybe(random, () -> new Customer.DigitalEngagement(random.nextBoolean(), random.nextBoolean(), maybe(random, () -> instant(random)))),
                list(random, () -> new Customer.Consent(pick(random, Channel.values()), random.nextBoolean(), instant(random))),
                list(random, () -> new Customer.ChannelIdentity(pick(random, Channel.values()), "id-" + random.nextInt(1000))),
                list(random, () -> new Customer.AppliedLabel("L" + random.nextInt(99), maybe(random, () -> "key"), instant(random),
                        maybe(random, () -> "RULE"))),
                list(random, () -> new Customer.HeldProduct("P" + random.nextInt(9), maybe(random, () -> date(random)), maybe(random, () -> money(random)))),
                pick(random, Tier.values()),
                list(random, () -> new Customer.TierChange(pick(random, Tier.values()), pick(random, Tier.values()), instant(random), maybe(random, () -> "why"))),
                maybe(random, () -> new Customer.CustomerValue(maybe(random, random::nextDouble), maybe(random, random::nextDouble),
                        maybe(random, random::nextDouble), maybe(random, random::nextDouble), pick(random, ValueQuadrant.values()),
                        maybe(random, () -> instant(random)), maybe(random, () -> random.nextInt(9)))),
                pick(random, Channel.values()),
                list(random, () -> new Customer.MonthlyBalance("2026-" + (10 + random.nextInt(3)), money(random), maybe(random, () -> money(random)))),
                list(random, () -> new Customer.RecentEvent("E" + random.nextInt(999), "LOGIN", pick(random, Channel.values()), instant(random))),
                list(random, () -> new Customer.RecentTouchpoint("T" + random.nextInt(999), pick(random, Channel.values()), "SENT",
                        maybe(random, () -> "C1"), instant(random))),
                maybe(random, () -> new ObjectId().toHexString()), random.nextInt(5), maybe(random, () -> new ObjectId().toHexString()),
                maybe(random, () -> "h" + random.nextInt()), maybe(random, () -> instant(random)), maybe(random, () -> instant(random)),
                maybe(random, () -> new Customer.Economics(maybe(random, () -> money(random)), maybe(random, () -> money(random)),
                        maybe(random, () -> money(random)))),
                maybe(random, () -> new Customer.ScoringState(maybe(random, () -> list(random,
                        () -> new Customer.DepositMonth("2026-" + (10 + random.nextInt(3)), money(random)))),
                        maybe(random, () -> random.nextInt(9)))));
    }

    private static CustomerInput randomRow(Random random, String externalRef) {
        return new CustomerInput(externalRef, " 新名" + random.nextInt(99) + " ", maybe(random, () -> "F"), maybe(random, () -> date(random)),
                maybe(random, () -> "138" + random.nextInt(100_000_000)), maybe(random, () -> "32010119800101" + random.nextInt(10_000)),
                maybe(random, () -> pick(random, CustomerSource.values()).name()), maybe(random, () -> pick(random, RiskLevel.values()).name()),
                maybe(random, () -> date(random)), maybe(random, () -> "BR" + random.nextInt(9)), maybe(random, () -> "RM" + random.nextInt(99)),
                maybe(random, () -> money(random)), maybe(random, () -> money(random)), maybe(random, () -> money(random)),
                maybe(random, () -> money(random)), maybe(random, random::nextBoolean), maybe(random, () -> instant(random)),
                maybe(random, () -> list(random, () -> new CustomerInput.ConsentInput(pick(random, Channel.values()).name(), random.nextBoolean()))),
                maybe(random, () -> list(random, () -> new CustomerInput.IdentityInput(pick(random, Channel.values()), " id-" + random.nextInt(1000)))),
                maybe(random, () -> list(random, () -> new CustomerInput.HeldProductInput("P" + random.nextInt(9), maybe(random, () -> date(random)),
                        maybe(random, () -> money(random))))),
                maybe(random, () -> money(random)), maybe(random, () -> money(random)), maybe(random, () -> money(random)));
    }

    private static <T> T maybe(Random random, Supplier<T> value) {
        return random.nextInt(4) == 0 ? null : value.get();
    }

    private static <T> List<T> list(Random random, Supplier<T> element) {
        List<T> list = new ArrayList<>();
        for (int n = random.nextInt(4); n > 0; n--) {
            list.add(element.get());
        }
        return list;
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private static LocalDate date(Random random) {
        return LocalDate.of(1950, 1, 1).plusDays(random.nextInt(30_000));
    }

    /** Millisecond precision, as BSON dates keep it. */
    private static Instant instant(Random random) {
        return NOW.minus(random.nextInt(1_000_000_000), ChronoUnit.MILLIS).minusSeconds(random.nextInt(100_000));
    }

    private static BigDecimal money(Random random) {
        return BigDecimal.valueOf(random.nextLong(10_000_000_000L), random.nextInt(3));
    }
}
