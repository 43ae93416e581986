package dev.strata.card;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.strata.manager.RelationshipManager;
import dev.strata.product.ProductService;
import dev.strata.product.Suitability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Every RM has a card from the start: after start-up work (demo seeding) each RM without one gets a card with their
 * name, title, branch and a generated slug; an RM added later gets theirs on first {@code myCard}.
 */
@Component
@Order(20)
class CardProvisioning implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CardProvisioning.class);

    private static final List<String> DEMO_PRODUCTS = List.of("WM-CASH", "DEP-TIME-1Y", "CARD-GOLD");
    private static final String DEMO_INTRO = "您好，我是您的专属客户经理，为您提供存款、理财与信用卡的一站式咨询服务。";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final boolean demo;
    private final long demoSeed;
    private final ProductService products;
    private final Suitability suitability;

    CardProvisioning(MongoTemplate mongo, Clock clock, @Value("${strata.demo.customers:0}") int demoCustomers,
            @Value("${strata.demo.seed:20261123}") long demoSeed, ProductService products, Suitability suitability) {
        this.products = products;
        this.suitability = suitability;
        this.mongo = mongo;
        this.clock = clock;
        this.demo = demoCustomers > 0;
        this.demoSeed = demoSeed;
    }

    @Override
    public void run(ApplicationArguments args) {
        Set<String> carded = mongo.findAll(BusinessCard.class).stream().map(BusinessCard::managerCode)
                .collect(Collectors.toSet());
        List<RelationshipManager> missing = mongo.find(new Query(), RelationshipManager.class).stream()
                .filter(rm -> !carded.contains(rm.code())).toList();
        missing.forEach(this::create);
        if (!missing.isEmpty()) {
            log.info("Created business cards for {} relationship managers", missing.size());
        }
    }

    /** What a demo card features: the demo catalogue's R1 products, as suitability allows on a public page. */
    private List<String> demoProducts() {
        var visitor = suitability.of(null, null);
        return products.findAll(DEMO_PRODUCTS).values().stream().filter(p -> visitor.allows(p.risk()))
                .map(p -> p.code()).sorted().toList();
    }

    /** The RM's card, created now if they have none (a racing creator's card wins). */
    BusinessCard create(RelationshipManager rm) {
        String slug = demo ? CardSlugs.demo(demoSeed, rm.code()) : CardSlugs.random();
        BusinessCard card = new BusinessCard(rm.code(), slug, rm.name(), rm.title(), rm.branchCode(),
                demo ? DEMO_INTRO : null, null, rm.phone(), null, demo ? demoProducts() : List.of(), 0, clock.instant());
        try {
            return mongo.insert(card);
        } catch (DuplicateKeyException e) {
            return mongo.findById(rm.code(), BusinessCard.class);
        }
    }
}
