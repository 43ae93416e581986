package dev.strata.touchpoint;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import dev.strata.customer.CustomerService;
import dev.strata.graphql.OwnerPages;
import dev.strata.shared.Scope;
import dev.strata.store.OwnerQueries;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/** Reading touchpoints in a scope: one by ID, and pages of customers' contact histories batched across customers. */
@Component
class TouchpointReads implements OwnerPages.Source<Touchpoint> {

    private final MongoTemplate mongo;
    private final CustomerService customers;

    TouchpointReads(MongoTemplate mongo, CustomerService customers) {
        this.mongo = mongo;
        this.customers = customers;
    }

    /** Customers' touchpoints, newest first; the caller has already been allowed to see the customers. */
    @Override
    public Map<String, List<Touchpoint>> pages(Collection<String> customerIds, String cursorKey, int perCustomer) {
        Criteria after = cursorKey == null ? new Criteria() : Criteria.where("_id").lt(cursorKey);
        return OwnerQueries.firstPerOwner(mongo, Touchpoint.class, after, Sort.by(Sort.Direction.DESC, "_id"), customerIds,
                Touchpoint::customerId, perCustomer);
    }

    @Override
    public Map<String, Integer> counts(Collection<String> customerIds) {
        return OwnerQueries.countPerOwner(mongo, Touchpoint.class, customerIds);
    }

    @Override
    public String cursorKey(Touchpoint touchpoint) {
        return touchpoint.id();
    }

    /** One touchpoint; AccessDeniedException when its customer is outside the scope. */
    Touchpoint find(String id, Scope scope) {
        Touchpoint touchpoint = mongo.findById(id, Touchpoint.class);
        if (touchpoint != null) {
            customers.find(touchpoint.customerId(), scope);
        }
        return touchpoint;
    }
}
