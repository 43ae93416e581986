package dev.strata.task;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.strata.audience.Attribute;
import dev.strata.audience.AudienceIndex;
import dev.strata.customer.CustomerService;
import dev.strata.customer.ProjectedCustomers;
import dev.strata.shared.Tier;
import dev.strata.touchpoint.TouchpointService;
import dev.strata.touchpoint.TouchpointStatus;
import org.bson.Document;
import org.roaringbitmap.IntIterator;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The nightly service-plan run: every customer of a tier with a plan who had no completed contact within the tier's
 * interval gets one task for their RM, once per plan period (dedup key), read tier by tier from the audience index in
 * chunks of a thousand, never one query per customer.
 */
@Component
class ServicePlanRun {

    static final int CHUNK = 1_000;
    static final Duration DUE_WITHIN = Duration.ofDays(7);
    private static final List<String> FIELDS = List.of("_id", "name", "managerCode", "recentTouchpoints");

    private final ServicePlans plans;
    private final AudienceIndex audience;
    private final CustomerService customers;
    private final ProjectedCustomers projected;
    private final TaskService tasks;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final ZoneId zone;

    ServicePlanRun(ServicePlans plans, AudienceIndex audience, CustomerService customers, ProjectedCustomers projected,
            TaskService tasks,
            MongoTemplate mongo, Clock clock, @Value("${strata.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.plans = plans;
        this.audience = audience;
        this.customers = customers;
        this.projected = projected;
        this.tasks = tasks;
        this.mongo = mongo;
        this.clock = clock;
        this.zone = zone;
    }

    @Scheduled(cron = "${strata.service-plan.cron:0 30 2 * * *}", zone = "${strata.time-zone:Asia/Shanghai}")
    void nightly() {
        run(null);
    }

    /** The nightly run, now (ADMIN; tests), over the named tiers or all. */
    @org.springframework.security.access.prepost.PreAuthorize("hasRole('ADMIN')")
    int runNow(List<Tier> only) {
        return run(only);
    }

    /** Creates the tasks due now; returns how many were new (a second run the same period creates none). */
    int run(List<Tier> only) {
        ServicePlan plan = plans.current();
        Instant now = clock.instant();
        long today = LocalDate.ofInstant(now, zone).toEpochDay();
        int created = 0;
        for (Tier tier : Tier.values()) {
            Integer days = plan.everyDays(tier);
            if (days == null || (only != null && !only.contains(tier))) {
                continue;
            }
            Instant since = now.minus(Duration.ofDays(days));
            RoaringBitmap members = audience.members(Attribute.TIER, tier.name());
            RoaringBitmap chunk = new RoaringBitmap();
            for (IntIterator it = members.getIntIterator(); it.hasNext();) {
                chunk.add(it.next());
                if (chunk.getCardinality() == CHUNK || !it.hasNext()) {
                    created += due(chunk, tier, days, since, today, now);
                    chunk = new RoaringBitmap();
                }
            }
        }
        return created;
    }

    private int due(RoaringBitmap seqs, Tier tier, int days, Instant since, long today, Instant now) {
        List<Document> docs = projected.byIds(customers.idsOfUnscoped(seqs), FIELDS);
        List<Document> candidates = new ArrayList<>();
        for (Document doc : docs) {
            Instant last = ServiceContacts.lastContact(doc);
            if (doc.getString("managerCode") != null && (last == null || last.isBefore(since))) {
                candidates.add(doc);
            }
        }
        Set<String> contactedOutsideRecent = contactedSince(candidates, since);
        long period = today / days;
        List<TaskService.NewTask> due = new ArrayList<>();
        for (Document doc : candidates) {
            String id = doc.get("_id").toString();
            if (!contactedOutsideRecent.contains(id)) {
                due.add(new TaskService.NewTask("plan:" + id + ":" + tier + ":" + days + ":" + period, id,
                        doc.getString("managerCode"), "服务计划：" + tier + " 客户定期联系 " + doc.getString("name"), null,
                        now.plus(DUE_WITHIN.compareTo(Duration.ofDays(days)) < 0 ? DUE_WITHIN : Duration.ofDays(days))));
            }
        }
        return tasks.createAll(due);
    }

    /**
     * Customers whose recent list is full of other touchpoints may have a contact pushed off it: one query per chunk
     * asks the touchpoints collection for those only.
     */
    private Set<String> contactedSince(List<Document> candidates, Instant since) {
        List<String> full = candidates.stream().filter(d -> d.getList("recentTouchpoints", Document.class, List.of())
                .size() >= TouchpointService.RECENT).map(d -> d.get("_id").toString()).toList();
        Set<String> contacted = new HashSet<>();
        if (full.isEmpty()) {
            return contacted;
        }
        Query query = Query.query(Criteria.where("customerId").in(full).and("channel").in(ServiceContacts.HUMAN)
                .and("status").ne(TouchpointStatus.FAILED).and("createdAt").gte(Date.from(since)));
        query.fields().include("customerId");
        mongo.find(query, Document.class, "touchpoints").forEach(d -> contacted.add(d.getString("customerId")));
        return contacted;
    }
}
