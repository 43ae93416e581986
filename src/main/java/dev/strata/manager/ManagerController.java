package dev.strata.manager;

import dev.strata.shared.Scope;
import java.util.List;
import java.util.Map;

import dev.strata.branch.Branch;
import dev.strata.branch.BranchService;
import dev.strata.graphql.Batches;
import dev.strata.graphql.GlobalId;
import dev.strata.graphql.NodeFetcher;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** GraphQL entry to relationship managers. */
@Controller
class ManagerController implements NodeFetcher {

    private final ManagerService managers;
    private final BranchService branches;

    ManagerController(ManagerService managers, BranchService branches) {
        this.managers = managers;
        this.branches = branches;
    }

    @QueryMapping
    RelationshipManager relationshipManager(@Argument String id) {
        return managers.find(GlobalId.localId(id, typeName()));
    }

    @MutationMapping
    ManagerService.UpsertResult upsertRelationshipManagers(@Argument ManagerInput.Batch input) {
        return managers.upsert(input.managers());
    }

    @BatchMapping
    Map<RelationshipManager, Branch> branch(List<RelationshipManager> rms) {
        Map<String, Branch> byCode = branches.findAll(rms.stream().map(RelationshipManager::branchCode).distinct().toList());
        return Batches.byKey(rms, rm -> byCode.get(rm.branchCode()));
    }

    @Override
    public String typeName() {
        return "RelationshipManager";
    }

    @Override
    public Object fetch(String localId, Scope scope) {
        return managers.find(localId);
    }
}
