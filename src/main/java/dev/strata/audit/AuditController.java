package dev.strata.audit;

import dev.strata.shared.Scope;
import dev.strata.graphql.Connection;
import dev.strata.graphql.NodeFetcher;
import dev.strata.graphql.Paging;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** GraphQL entry to the audit trail (ADMIN only). */
@Controller
class AuditController implements NodeFetcher {

    private final AuditService audit;

    AuditController(AuditService audit) {
        this.audit = audit;
    }

    @QueryMapping
    Connection<AuditEntry> auditLog(@Argument Integer first, @Argument String after) {
        return audit.list(Paging.of(first, after));
    }

    @Override
    public String typeName() {
        return "AuditEntry";
    }

    @Override
    public Object fetch(String localId, Scope scope) {
        return audit.find(localId);
    }
}
