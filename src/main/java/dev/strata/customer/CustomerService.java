package dev.strata.customer;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.strata.graphql.Connection;
import dev.strata.graphql.Paging;
import dev.strata.security.Viewers;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Reads of customer portraits, always within the caller's data scope. */
@Service
public class CustomerService {

    /** How many merge hops to follow before giving up on a (corrupt) cycle. */
    private static final int MAX_MERGE_HOPS = 8;

    private final MongoTemplate mongo;
    private final CustomerPages pages;

    CustomerService(MongoTemplate mongo, CustomerPages pages) {
        this.mongo = mongo;
        this.pages = pages;
    }

    /**
     * One customer by local ID, following merges to the survivor; null when absent,
     * AccessDeniedException when out of scope.
     */
    @PreAuthorize("isAuthenticated()")
    public Customer find(String id) {
        Customer customer = mongo.findById(id, Customer.class);
        for (int hop = 0; customer != null && customer.isMerged() && hop < MAX_MERGE_HOPS; hop++) {
            customer = mongo.findById(customer.mergedInto(), Customer.class);
        }
        return checkScope(customer);
    }

    /** By core-banking reference; the feed's service account may use this too. */
    @PreAuthorize("hasAnyRole('ADMIN','MARKETER','ANALYST','BRANCH_MANAGER','RELATIONSHIP_MANAGER','SERVICE')")
    public Customer findByRef(String externalRef) {
        Customer customer = mongo.findOne(Query.query(Criteria.where("externalRef").is(externalRef)), Customer.class);
        if (customer == null || Viewers.require().has(dev.strata.security.Role.SERVICE)) {
            return customer;
        }
        return checkScope(customer);
    }

    @PreAuthorize("hasAnyRole('ADMIN','MARKETER','ANALYST','BRANCH_MANAGER','RELATIONSHIP_MANAGER')")
    public Connection<Customer> list(CustomerFilter filter, Paging paging) {
        CustomerScope scope = scope();
        if (filter != null && filter.hasSearch()) {
            return pages.search(new Criteria().andOperator(scope.criteria(), filter.criteria()), paging);
        }
        RoaringBitmap members = pages.members(scope);
        return pages.page(filter == null ? members : pages.narrow(members, filter), paging);
    }

    /** Everyone the caller may see, as audience bitmap: the base of every scoped count. */
    public RoaringBitmap visibleMembers() {
        return pages.members(scope());
    }

    /** Customers in the caller's scope among {@code ids}, in one query. */
    public List<Customer> findAllInScope(Collection<String> ids) {
        Criteria criteria = new Criteria().andOperator(Criteria.where("_id").in(ids), scope().criteria());
        return mongo.find(Query.query(criteria), Customer.class);
    }

    /** Customers by local ID regardless of scope, for batched resolution of already-authorised references. */
    public List<Customer> findAll(Collection<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Customer.class);
    }

    /** {@link #findAll} keyed by ID, for a batch mapping to look its sources' customers up in. */
    public Map<String, Customer> byId(Collection<String> ids) {
        return findAll(ids).stream().collect(Collectors.toMap(Customer::id, Function.identity()));
    }

    public static CustomerScope scope() {
        return Viewers.current().map(CustomerScope::of).orElse(CustomerScope.NOTHING);
    }

    private static Customer checkScope(Customer customer) {
        if (customer != null && !scope().allows(customer)) {
            throw new AccessDeniedException("Customer is outside the caller's scope");
        }
        return customer;
    }
}
