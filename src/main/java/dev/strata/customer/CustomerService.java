package dev.strata.customer;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.strata.graphql.BadRequestException;
import dev.strata.graphql.Connection;
import dev.strata.graphql.GlobalId;
import dev.strata.graphql.Paging;
import dev.strata.rule.RuleEvaluator;
import dev.strata.rule.SegmentRule;
import dev.strata.shared.Scope;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Reads of customer portraits within a scope the caller passes in; unscoped reads say so in their names. */
@Service
public class CustomerService {

    /** Seqs per lookup: bounded queries and replies (a unique field's {@code $in} is looked up value by value). */
    private static final int SEQ_CHUNK = 100;

    private final MongoTemplate mongo;
    private final CustomerPages pages;
    private final LiveCustomers live;
    private final RuleEvaluator rules;

    CustomerService(MongoTemplate mongo, CustomerPages pages, LiveCustomers live, RuleEvaluator rules) {
        this.mongo = mongo;
        this.pages = pages;
        this.live = live;
        this.rules = rules;
    }

    /**
     * One customer by local ID, following merges to the survivor; null when absent,
     * AccessDeniedException when out of scope (a query's answer: null with FORBIDDEN).
     */
    @PreAuthorize("isAuthenticated()")
    public Customer find(String id, Scope scope) {
        Customer customer = live.resolveUnscoped(id);
        if (customer != null && !scope.sees(customer.branchCode(), customer.managerCode())) {
            throw new AccessDeniedException("Customer is outside the caller's scope");
        }
        return customer;
    }

    /**
     * A live customer the caller reached by a key of its own (a channel identity): like {@link #find},
     * but the feed may address any customer.
     */
    @PreAuthorize("isAuthenticated()")
    public Customer findAddressed(String id, Scope scope) {
        Customer customer = live.resolveUnscoped(id);
        if (customer != null && !allows(scope, customer)) {
            throw new AccessDeniedException("Customer is outside the caller's scope");
        }
        return customer;
    }

    /**
     * The live customer a mutation names, or null when it is unknown <em>or</em> outside the scope: a
     * mutation never tells whether a customer it may not see exists.
     */
    public Customer findForChange(String id, Scope scope) {
        Customer customer = live.resolveUnscoped(id);
        return customer != null && allows(scope, customer) ? customer : null;
    }

    /** By core-banking reference; the feed's service account may use this too. */
    @PreAuthorize("hasAnyRole('ADMIN','MARKETER','ANALYST','BRANCH_MANAGER','RELATIONSHIP_MANAGER','SERVICE')")
    public Customer findByRef(String externalRef, Scope scope) {
        Customer customer = mongo.findOne(Query.query(Criteria.where("externalRef").is(externalRef)), Customer.class);
        if (customer != null && !allows(scope, customer)) {
            throw new AccessDeniedException("Customer is outside the caller's scope");
        }
        return customer;
    }

    @PreAuthorize("hasAnyRole('ADMIN','MARKETER','ANALYST','BRANCH_MANAGER','RELATIONSHIP_MANAGER')")
    public Connection<Customer> list(CustomerFilter filter, Paging paging, Scope scope) {
        if (filter != null && filter.hasSearch()) {
            if (filter.segmentId() != null) {
                throw new BadRequestException("search and segmentId cannot be combined");
            }
            return pages.search(new Criteria().andOperator(ScopeCriteria.of(scope), filter.criteria(dev.strata.security.Viewers.require())), paging);
        }
        RoaringBitmap members = pages.members(scope);
        if (filter != null && filter.segmentId() != null) {
            GlobalId.localId(filter.segmentId(), "Segment");
            members = RoaringBitmap.and(members, rules.members(SegmentRule.inSegment(filter.segmentId())));
        }
        return pages.page(filter == null ? members : pages.narrow(members, filter), paging);
    }

    /** One page of the given audience (customer {@code seq}s the caller has already scoped), in {@code seq} order. */
    public Connection<Customer> page(RoaringBitmap members, Paging paging) {
        return pages.page(members, paging);
    }

    /** The first {@code count} customers of the given (already scoped) audience, in {@code seq} order. */
    public List<Customer> firstOf(RoaringBitmap members, int count) {
        return count == 0 ? List.of() : pages.page(members, Paging.of(count, null)).edges().stream().map(e -> e.node()).toList();
    }

    /** Everyone the scope sees, as audience bitmap: the base of every scoped count. */
    public RoaringBitmap visibleMembers(Scope scope) {
        return pages.members(scope);
    }

    /** Those of the named customers (as stored, merged or not) the scope may see, in one query. */
    public List<Customer> findAllInScope(Collection<String> ids, Scope scope) {
        return findAllUnscoped(ids).stream().filter(customer -> allows(scope, customer)).toList();
    }

    /** Customers by local ID regardless of scope, for batched resolution of already-authorised references. */
    public List<Customer> findAllUnscoped(Collection<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Customer.class);
    }

    /** {@link #findAllUnscoped} keyed by ID, for a batch mapping to look its sources' customers up in. */
    public Map<String, Customer> byIdUnscoped(Collection<String> ids) {
        return findAllUnscoped(ids).stream().collect(Collectors.toMap(Customer::id, Function.identity()));
    }

    /** The IDs of the customers with these audience {@code seq}s, regardless of scope (for background jobs). */
    public List<String> idsOfUnscoped(RoaringBitmap seqs) {
        List<String> ids = new java.util.ArrayList<>(seqs.getCardinality());
        List<Long> chunk = new java.util.ArrayList<>(SEQ_CHUNK);
        for (org.roaringbitmap.IntIterator it = seqs.getIntIterator(); it.hasNext();) {
            chunk.add((long) it.next());
            if (chunk.size() == SEQ_CHUNK || !it.hasNext()) {
                Query query = Query.query(Criteria.where("seq").in(chunk));
                query.fields().include("_id");
                mongo.find(query, org.bson.Document.class, CustomerDocuments.COLLECTION)
                        .forEach(doc -> ids.add(doc.get("_id").toString()));
                chunk.clear();
            }
        }
        return ids;
    }

    /** Whether the store holds no customer at all (a fresh install). */
    public boolean noneStored() {
        return !mongo.exists(new Query(), Customer.class);
    }

    /** One stored customer as it is, merged or not, regardless of scope. */
    public Customer findStoredUnscoped(String id) {
        return mongo.findById(id, Customer.class);
    }

    /** What the balance feed needs of a customer: who it is and the monthly averages kept on it. */
    public record BalanceProfile(String id, String externalRef, List<Customer.MonthlyBalance> balanceMonths) {
        public BalanceProfile {
            balanceMonths = balanceMonths == null ? List.of() : balanceMonths;
        }
    }

    /** Balance profiles by core-banking reference, in one query on the unique externalRef; the feed may address any. */
    public Map<String, BalanceProfile> balanceProfilesByRefUnscoped(Collection<String> externalRefs) {
        Query query = Query.query(Criteria.where("externalRef").in(externalRefs));
        query.fields().include("externalRef", "balanceMonths");
        return mongo.find(query, BalanceProfile.class, CustomerDocuments.COLLECTION).stream()
                .collect(Collectors.toMap(BalanceProfile::externalRef, Function.identity()));
    }

    /** Whether the caller may address this customer by naming it (see {@link Scope#mayAddress}). */
    public static boolean allows(Scope scope, Customer customer) {
        return scope.mayAddress(customer.branchCode(), customer.managerCode());
    }
}
