package dev.strata.customer;

import dev.strata.shared.Scope;
import org.springframework.data.mongodb.core.query.Criteria;

/** A scope's reach as a MongoDB filter on customer documents, for the few reads that cannot use the index. */
final class ScopeCriteria {

    private ScopeCriteria() {
    }

    static Criteria of(Scope scope) {
        return switch (scope.reach()) {
            case EVERYONE -> new Criteria();
            case BRANCH -> Criteria.where("branchCode").is(scope.code());
            case MANAGER -> Criteria.where("managerCode").is(scope.code());
            case NOBODY -> Criteria.where("_id").in();
        };
    }
}
