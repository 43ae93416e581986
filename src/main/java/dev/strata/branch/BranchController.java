package dev.strata.branch;

import dev.strata.shared.Scope;
import dev.strata.graphql.NodeFetcher;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** GraphQL entry to branches. */
@Controller
class BranchController implements NodeFetcher {

    private final BranchService branches;

    BranchController(BranchService branches) {
        this.branches = branches;
    }

    @MutationMapping
    BranchService.UpsertResult upsertBranches(@Argument BranchInput.Batch input) {
        return branches.upsert(input.branches());
    }

    @Override
    public String typeName() {
        return "Branch";
    }

    @Override
    public Object fetch(String localId, Scope scope) {
        return branches.find(localId);
    }
}
