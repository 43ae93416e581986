package dev.strata.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.strata.branch.Branch;
import dev.strata.campaign.PastCampaigns;
import dev.strata.customer.Customer;
import dev.strata.customer.CustomerIngestService;
import dev.strata.customer.CustomerService;
import dev.strata.customer.IdentityClaims;
import dev.strata.label.Label;
import dev.strata.manager.RelationshipManager;
import dev.strata.product.Product;
import dev.strata.store.SequenceAllocator;
import dev.strata.task.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Seeds an empty store with STRATA_DEMO_CUSTOMERS synthetic customers, their branches, RMs, labels and demo users. */
@Component
@Order(10)
class DemoDataSeeder implements ApplicationRunner {

    static final int BATCH = 1000;
    /** Above this many customers daily balances are not seeded: their month documents would outweigh the customers. */
    static final int MAX_WITH_BALANCES = 100_000;
    private static final int PROGRESS_EVERY = 100_000;
    private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);

    private final MongoTemplate mongo;
    private final SequenceAllocator sequences;
    private final DemoUsers users;
    private final DemoProperties properties;
    private final Clock clock;
    private final ZoneId zone;
    private final CustomerService customerService;
    private final DemoHistory history;
    private final PastCampaigns pastCampaigns;
    private final TaskService tasks;

    DemoDataSeeder(MongoTemplate mongo, SequenceAllocator sequences, DemoUsers users, DemoProperties properties,
            Clock clock, @Value("${strata.time-zone:Asia/Shanghai}") ZoneId zone, CustomerService customerService,
            DemoHistory history, PastCampaigns pastCampaigns, TaskService tasks) {
        this.history = history;
        this.pastCampaigns = pastCampaigns;
        this.tasks = tasks;
        this.customerService = customerService;
        this.mongo = mongo;
        this.sequences = sequences;
        this.users = users;
        this.properties = properties;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public void run(ApplicationArguments args) {
        int count = properties.customers();
        if (count == 0) {
            return;
        }
        if (!customerService.noneStored()) {
            log.info("Demo data not seeded: the store already has customers");
            return;
        }
        try {
            seed(count);
        } catch (DuplicateKeyException e) {
            log.warn("Demo data seeding stopped: another instance is seeding the same store ({})", e.getMessage());
        }
    }

    private void seed(int count) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        DemoBook book = new DemoBook(properties.seed(), now, LocalDate.ofInstant(now, zone));
        List<Branch> branches = book.organisation().branches();
        insertMissing(branches, Branch.class, Branch::code);
        List<RelationshipManager> managers = insertMissing(book.organisation().managers(), RelationshipManager.class,
                RelationshipManager::code);
        managers.sort(Comparator.comparing(RelationshipManager::code));
        Map<String, Label> labels = labels(book.labels());
        int created = users.createMissing(managers, properties.password(), book.userIds(), now);
        List<Product> catalogue = insertMissing(book.catalogue(), Product.class, Product::code);
        DemoCustomers customers = book.customers(managers, labels, catalogue);
        List<Label> ruleLabels = history.ruleLabels(book.ruleLabels());
        DemoBehaviour behaviour = book.behaviour(ruleLabels, zone);
        boolean withBalances = count <= MAX_WITH_BALANCES;
        if (!withBalances) {
            log.info("Daily balances not seeded: {} customers is more than {}", count, MAX_WITH_BALANCES);
        }
        long firstSeq = sequences.allocate(CustomerIngestService.SEQUENCE, count);
        long events;
        long months;
        List<Customer> reached = new ArrayList<>();
        try (DemoHistory.Writer writer = history.writer()) {
            List<DemoBehaviour.Enriched> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < count; i++) {
                batch.add(behaviour.enrich(customers.customer(i, firstSeq + i), withBalances));
                if (i < DemoCampaigns.REACHED) {
                    reached.add(batch.get(batch.size() - 1).customer());
                }
                if (batch.size() == BATCH || i == count - 1) {
                    writer.store(batch);
                    batch = new ArrayList<>(BATCH);
                    if ((i + 1) % PROGRESS_EVERY == 0) {
                        log.info("Seeding demo customers: {} of {} after {} ms", i + 1, count,
                                (System.nanoTime() - started) / 1_000_000);
                    }
                }
            }
            writer.close();
            events = writer.events();
            months = writer.months();
        }
        history.finish(ruleLabels, book.segments());
        DemoCampaigns.Plan campaigns = book.campaigns().plan(reached);
        campaigns.past().forEach(p -> pastCampaigns.store(p.campaign(), p.audience(), p.enrolled()));
        campaigns.waiting().forEach(c -> pastCampaigns.store(c, 0, List.of()));
        tasks.createAll(campaigns.tasks());
        long millis = (System.nanoTime() - started) / 1_000_000;
        log.info("Seeded {} demo customers (seed {}) with {} events, {} balance months, {} branches, {} RMs, {} labels,"
                + " {} RULE labels, {} products and {} new demo users in {} ms", count, properties.seed(), events,
                months, branches.size(), managers.size(), labels.size(), ruleLabels.size(), catalogue.size(),
                created, millis);
    }

    /**
     * Claims every identity of a batch of customers in the identity registry in one write, as the feed does, so
     * a demo openid finds its customer and its events land on them instead of on a new prospect.
     */
    static void claimIdentities(IdentityClaims claims, List<Customer> batch) {
        Map<Customer.ChannelIdentity, String> owners = new LinkedHashMap<>();
        batch.forEach(customer -> customer.identities().forEach(identity -> owners.putIfAbsent(identity, customer.id())));
        Set<String> taken = claims.claimAll(owners);
        if (!taken.isEmpty()) {
            log.warn("{} demo identities were already claimed by other customers and stay theirs", taken.size());
        }
    }

    /** Inserts the documents whose key is free and returns all of them as stored (existing ones are kept as they are). */
    private <T> List<T> insertMissing(List<T> documents, Class<T> type, Function<T, String> key) {
        List<String> keys = documents.stream().map(key).toList();
        List<T> stored = new ArrayList<>(mongo.find(Query.query(Criteria.where("_id").in(keys)), type));
        Set<String> present = stored.stream().map(key).collect(Collectors.toSet());
        List<T> missing = documents.stream().filter(d -> !present.contains(key.apply(d))).toList();
        if (!missing.isEmpty()) {
            stored.addAll(mongo.insertAll(missing));
        }
        return stored;
    }

    /** The demo labels by key: an existing label with a demo key is reused, the others are created. */
    private Map<String, Label> labels(List<Label> documents) {
        List<String> keys = documents.stream().map(Label::key).toList();
        Map<String, Label> byKey = new HashMap<>();
        mongo.find(Query.query(Criteria.where("key").in(keys)), Label.class).forEach(l -> byKey.put(l.key(), l));
        List<Label> missing = documents.stream().filter(l -> !byKey.containsKey(l.key())).toList();
        if (!missing.isEmpty()) {
            mongo.insertAll(missing).forEach(l -> byKey.put(l.key(), l));
        }
        return byKey;
    }
}
