package dev.strata.branch;

import java.util.List;

/** Branch rows from the admin or the core-banking feed. */
record BranchInput(String code, String name, String city) {

    /** Input of {@code upsertBranches}. */
    record Batch(List<BranchInput> branches) {
    }
}
