package dev.strata.performance;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.strata.audience.Attribute;
import dev.strata.audience.AudienceIndex;
import dev.strata.card.CardActivity;
import dev.strata.customer.Customer;
import dev.strata.customer.CustomerService;
import dev.strata.manager.RelationshipManager;
import dev.strata.shared.Scope;
import dev.strata.task.ServiceContacts;
import dev.strata.task.ServicePlan;
import dev.strata.task.ServicePlans;
import dev.strata.task.Survey;
import dev.strata.task.Task;
import dev.strata.touchpoint.Touchpoint;
import dev.strata.touchpoint.TouchpointStatus;
import org.roaringbitmap.IntIterator;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * {@code managerPerformance}: each RM in the caller's scope (an RM themself, a branch manager their branch's RMs, staff
 * with ALL scope everyone), books read in chunks from the audience index, activity in one query per source, ranked.
 */
@Service
class PerformanceService {

    static final int CHUNK = 1_000;

    private final MongoTemplate mongo;
    private final AudienceIndex audience;
    private final CustomerService customers;
    private final CardActivity cards;
    private final ServicePlans plans;
    private final Clock clock;
    private final ZoneId zone;

    PerformanceService(MongoTemplate mongo, AudienceIndex audience, CustomerService customers, CardActivity cards,
            ServicePlans plans, Clock clock, @Value("${strata.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.mongo = mongo;
        this.audience = audience;
        this.customers = customers;
        this.cards = cards;
        this.plans = plans;
        this.clock = clock;
        this.zone = zone;
    }

    @PreAuthorize("hasAnyRole('ADMIN','MARKETER','ANALYST','BRANCH_MANAGER','RELATIONSHIP_MANAGER')")
    List<ManagerPerformance> report(LocalDate from, LocalDate to, String branchCode, Scope scope) {
        Period period = Period.of(from, to, zone, clock);
        Map<String, Tally> tallies = new LinkedHashMap<>();
        managers(branchCode, scope).forEach(code -> tallies.put(code, new Tally(code)));
        if (tallies.isEmpty()) {
            return List.of();
        }
        List<String> codes = new ArrayList<>(tallies.keySet());
        Map<String, String> managerOf = books(tallies, period);
        activity(tallies, managerOf, codes, period);
        List<ManagerPerformance> results = tallies.values().stream().map(Tally::result)
                .sorted(Comparator.comparing(ManagerPerformance::aumGrowth).reversed()
                        .thenComparing(Comparator.comparingInt(ManagerPerformance::conversions).reversed())
                        .thenComparing(ManagerPerformance::managerCode))
                .toList();
        List<ManagerPerformance> ranked = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            ranked.add(results.get(i).ranked(i + 1));
        }
        return ranked;
    }

    /** The RMs the caller may see numbers of: never another RM's for an RM, only their branch's for a branch manager. */
    private List<String> managers(String branchCode, Scope scope) {
        return switch (scope.kind()) {
            case BOOK -> List.of(scope.code());
            case BRANCH -> branchCode == null || branchCode.equals(scope.code()) ? ofBranch(scope.code()) : List.of();
            case ALL, SYSTEM -> branchCode == null ? mongo.findAll(RelationshipManager.class).stream()
                    .map(RelationshipManager::code).sorted().toList() : ofBranch(branchCode);
            default -> List.of();
        };
    }

    private List<String> ofBranch(String branchCode) {
        return mongo.find(Query.query(Criteria.where("branchCode").is(branchCode)), RelationshipManager.class).stream()
                .map(RelationshipManager::code).sorted().toList();
    }

    /** Reads each RM's book now in chunks of a thousand customers; returns customer → RM for attributing activity. */
    private Map<String, String> books(Map<String, Tally> tallies, Period period) {
        ServicePlan plan = plans.current();
        Map<String, String> managerOf = new java.util.HashMap<>();
        for (Tally tally : tallies.values()) {
            RoaringBitmap book = audience.members(Attribute.MANAGER, tally.managerCode);
            RoaringBitmap chunk = new RoaringBitmap();
            for (IntIterator it = book.getIntIterator(); it.hasNext();) {
                chunk.add(it.next());
                if (chunk.getCardinality() == CHUNK || !it.hasNext()) {
                    for (Customer c : customers.findAllUnscoped(customers.idsOfUnscoped(chunk))) {
                        if (!c.isMerged() && tally.managerCode.equals(c.managerCode())) {
                            tally.book(c, period, plan);
                            managerOf.put(c.id(), c.managerCode());
                        }
                    }
                    chunk = new RoaringBitmap();
                }
            }
        }
        return managerOf;
    }

    /** Contacts, conversions, tasks, card activity and survey answers of the period: one query per source. */
    private void activity(Map<String, Tally> tallies, Map<String, String> managerOf, List<String> codes, Period period) {
        Criteria inPeriod = Criteria.where("createdAt").gte(period.start()).lt(period.end());
        for (Touchpoint t : mongo.find(Query.query(inPeriod.and("channel").in(ServiceContacts.HUMAN)), Touchpoint.class)) {
            Tally tally = tallies.get(managerOf.get(t.customerId()));
            if (tally != null) {
                tally.contacts++;
            }
        }
        for (Touchpoint t : mongo.find(Query.query(Criteria.where("status").is(TouchpointStatus.CONVERTED)
                .and("convertedAt").gte(period.start()).lt(period.end())), Touchpoint.class)) {
            Tally tally = tallies.get(managerOf.get(t.customerId()));
            if (tally != null) {
                tally.conversions++;
            }
        }
        for (Task task : mongo.find(Query.query(Criteria.where("managerCode").in(codes).and("status")
                .is(Task.TaskStatus.DONE).and("completedAt").gte(period.start()).lt(period.end())), Task.class)) {
            Tally tally = tallies.get(task.managerCode());
            tally.tasksDone++;
            if (!task.completedAt().isAfter(task.dueAt())) {
                tally.tasksOnTime++;
            }
        }
        cards.totals(codes, period.from(), period.to()).forEach((code, totals) -> {
            tallies.get(code).cardVisits = totals.visits();
            tallies.get(code).leads = totals.leads();
        });
        for (Survey survey : mongo.find(Query.query(Criteria.where("managerCode").in(codes).and("answeredAt")
                .gte(period.start()).lt(period.end())), Survey.class)) {
            tallies.get(survey.managerCode()).answer(survey.tier(), survey.score());
        }
    }
}
