package dev.strata.customer;

import java.util.Collection;
import java.util.List;

import dev.strata.graphql.Connection;
import dev.strata.graphql.Paging;
import dev.strata.security.Viewers;
import dev.strata.store.KeysetPages;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Reads of customer portraits, always within the caller's data scope. */
@Service
public class CustomerService {

    private final MongoTemplate mongo;

    CustomerService(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** One customer by local ID; null when absent, AccessDeniedException when out of scope. */
    @PreAuthorize("isAuthenticated()")
    public Customer find(String id) {
        return checkScope(mongo.findById(id, Customer.class));
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
        Criteria criteria = scope().criteria();
        if (filter != null) {
            criteria = new Criteria().andOperator(criteria, filter.criteria());
        }
        return KeysetPages.page(mongo, Customer.class, criteria, paging, Sort.Direction.ASC);
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
