package dev.strata.campaign;

import java.util.ArrayList;
import java.util.List;

import dev.strata.customer.CustomerService;
import dev.strata.graphql.Connection;
import dev.strata.graphql.GlobalId;
import dev.strata.graphql.KeysetPages;
import dev.strata.graphql.Paging;
import dev.strata.shared.Channel;
import dev.strata.shared.Scope;
import dev.strata.touchpoint.Touchpoint;
import dev.strata.touchpoint.TouchpointStatus;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The {@code touchpoints} query: by customer, campaign, status and channel; narrow scopes must name a customer they see. */
@Service
class TouchpointQueries {

    private final MongoTemplate mongo;
    private final CustomerService customers;

    TouchpointQueries(MongoTemplate mongo, CustomerService customers) {
        this.mongo = mongo;
        this.customers = customers;
    }

    record TouchpointFilter(String customerId, String campaignId, TouchpointStatus status, Channel channel) {
    }

    @PreAuthorize("hasAnyRole('ADMIN','MARKETER','ANALYST','BRANCH_MANAGER','RELATIONSHIP_MANAGER')")
    Connection<Touchpoint> list(TouchpointFilter filter, Paging paging, Scope scope) {
        TouchpointFilter f = filter == null ? new TouchpointFilter(null, null, null, null) : filter;
        List<Criteria> criteria = new ArrayList<>();
        if (f.customerId() != null) {
            String id = GlobalId.localId(f.customerId(), "Customer");
            customers.find(id, scope);
            criteria.add(Criteria.where("customerId").is(id));
        } else if (scope.reach() != Scope.Reach.EVERYONE) {
            throw new org.springframework.security.access.AccessDeniedException("name a customer you see");
        }
        if (f.campaignId() != null) {
            criteria.add(Criteria.where("campaignId").is(GlobalId.localId(f.campaignId(), "Campaign")));
        }
        if (f.status() != null) {
            criteria.add(Criteria.where("status").is(f.status()));
        }
        if (f.channel() != null) {
            criteria.add(Criteria.where("channel").is(f.channel()));
        }
        Criteria where = criteria.isEmpty() ? new Criteria() : new Criteria().andOperator(criteria);
        return KeysetPages.page(mongo, Touchpoint.class, where, paging, Sort.Direction.DESC);
    }
}
