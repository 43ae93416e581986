package dev.strata.campaign;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.strata.customer.Customer;
import dev.strata.customer.LiveCustomers;
import dev.strata.manager.ManagerService;
import dev.strata.manager.RelationshipManager;
import dev.strata.product.ProductService;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Works one claimed batch of schedule entries: loads what they need in bulk, walks each, writes the outcome in bulk. */
@Component
class JourneyBatch {

    private final MongoTemplate mongo;
    private final LiveCustomers live;
    private final ManagerService managers;
    private final ProductService products;
    private final JourneyWalk walk;
    private final JourneyEffects effects;
    private final StatsCounters stats;
    private final StepClaims claims;
    private final Clock clock;

    JourneyBatch(MongoTemplate mongo, LiveCustomers live, ManagerService managers, ProductService products,
            JourneyWalk walk, JourneyEffects effects, StatsCounters stats, StepClaims claims, Clock clock) {
        this.mongo = mongo;
        this.live = live;
        this.managers = managers;
        this.products = products;
        this.walk = walk;
        this.effects = effects;
        this.stats = stats;
        this.claims = claims;
        this.clock = clock;
    }

    /**
     * Works the entries ({@code enrollmentId|stepSeq}) claimed until {@code leaseUntil}; stale ones (an older step) are
     * dropped. A batch still running when its claim runs out stops before it moves any enrollment.
     */
    void work(List<String> tokens, java.time.Instant leaseUntil) {
        if (tokens.isEmpty()) {
            return;
        }
        Map<String, Long> wanted = new HashMap<>();
        for (String token : tokens) {
            int bar = token.lastIndexOf('|');
            wanted.put(token.substring(0, bar), Long.parseLong(token.substring(bar + 1)));
        }
        List<Enrollment> due = new ArrayList<>(wanted.size());
        mongo.getCollection(mongo.getCollectionName(Enrollment.class)).find(Filters.in("_id", wanted.keySet()))
                .forEach(d -> {
                    Enrollment e = RunnerDocuments.readEnrollment(d);
                    if (!e.ended() && wanted.get(e.id()) == e.stepSeq()) {
                        due.add(e);
                    }
                });
        if (due.isEmpty()) {
            return;
        }
        Set<String> campaignIds = due.stream().map(Enrollment::campaignId).collect(Collectors.toSet());
        Map<String, Campaign> campaigns = mongo.find(Query.query(Criteria.where("_id").in(campaignIds)), Campaign.class)
                .stream().collect(Collectors.toMap(Campaign::id, Function.identity()));
        Map<String, Customer> customers = live.resolveUnscoped(due.stream().map(Enrollment::customerId).toList(),
                JourneyWalk.CUSTOMER_FIELDS);
        JourneyWalk.Names names = names(customers.values(), campaigns.values());
        BatchWork work = new BatchWork(clock.instant(), leaseUntil);
        for (Enrollment e : due) {
            Campaign campaign = campaigns.get(e.campaignId());
            Customer customer = customers.get(e.customerId());
            if (campaign == null || customer == null || campaign.status() == CampaignStatus.CANCELLED
                    || campaign.status() == CampaignStatus.COMPLETED) {
                work.end(e, e.stepSeq() + 1, new Update());
            } else if (campaign.status() != CampaignStatus.RUNNING) {
                work.schedule(e, e.stepKey(), e.stepSeq() + 1, work.now.plusSeconds(60), e.state(), new Update());
            } else {
                walk.walk(e, campaign, customer, names, work);
            }
        }
        write(work, campaigns);
    }

    private void write(BatchWork work, Map<String, Campaign> campaigns) {
        effects.sendAndRecord(work, campaigns);
        effects.schedule(work.entries);
        Map<String, Map<String, Update>> endingByCampaign = new HashMap<>();
        Map<String, Update> moving = new HashMap<>();
        work.enrollmentUpdates.forEach((id, update) -> {
            String campaignId = work.ending.get(id);
            (campaignId == null ? moving : endingByCampaign.computeIfAbsent(campaignId, c -> new HashMap<>())).put(id, update);
        });
        update(moving, work);
        // Only the enrollments this batch actually moved count as ended: a batch worked twice (a lease that ran
        // out under a slow runner) finds them moved already, and "active" is not decremented twice.
        endingByCampaign.forEach((campaignId, updates) -> {
            int ended = update(updates, work);
            if (ended > 0) {
                stats.apply(campaignId, StatsCounters.increments().add("active", -ended));
            }
        });
        effects.sideEffects(work);
    }

    /** Applies the enrollment updates whose move away from the walked step this batch wins; returns how many. */
    private int update(Map<String, Update> updates, BatchWork work) {
        if (updates.isEmpty()) {
            return 0;
        }
        if (!clock.instant().isBefore(work.leaseUntil)) {
            throw new IllegalStateException("the claim on this batch ran out before its enrollments were moved");
        }
        List<String> ids = List.copyOf(updates.keySet());
        Set<String> won = claims.claim(ids.stream().map(id -> StepClaims.key(id, work.expectedSeq.get(id))).toList());
        List<UpdateOneModel<Document>> moves = new ArrayList<>(ids.size());
        for (String id : ids) {
            if (won.contains(StepClaims.key(id, work.expectedSeq.get(id)))) {
                moves.add(new UpdateOneModel<>(Filters.eq("_id", id), RunnerDocuments.update(updates.get(id))));
            }
        }
        if (!moves.isEmpty()) {
            mongo.getCollection(mongo.getCollectionName(Enrollment.class)).bulkWrite(moves, new BulkWriteOptions().ordered(false));
        }
        return moves.size();
    }

    private JourneyWalk.Names names(java.util.Collection<Customer> customers, java.util.Collection<Campaign> campaigns) {
        Set<String> managerCodes = customers.stream().map(Customer::managerCode).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        Set<String> productCodes = new HashSet<>();
        campaigns.forEach(c -> c.journey().forEach(s -> {
            if (s.offerProductCode() != null) {
                productCodes.add(s.offerProductCode());
            }
        }));
        boolean templatesNameManagers = campaigns.stream().anyMatch(c -> c.journey().stream()
                .anyMatch(s -> s.template() != null && s.template().contains("{rmName}")
                        || s.variants() != null && s.variants().stream().anyMatch(v -> v.template().contains("{rmName}"))));
        Map<String, String> managerNames = new HashMap<>();
        if (templatesNameManagers && !managerCodes.isEmpty()) {
            managers.findAll(managerCodes).forEach((code, rm) -> managerNames.put(code, nameOf(rm)));
        }
        Map<String, String> productNames = new HashMap<>();
        if (!productCodes.isEmpty()) {
            products.findAll(productCodes).forEach((code, p) -> productNames.put(code, p.name()));
        }
        return new JourneyWalk.Names(managerNames, productNames);
    }

    private static String nameOf(RelationshipManager rm) {
        return rm.name() == null ? "" : rm.name();
    }
}
