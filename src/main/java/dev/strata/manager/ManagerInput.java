package dev.strata.manager;

import java.util.List;

/** RM rows from the admin or the HR feed. */
record ManagerInput(String code, String name, String branchCode, String title, String phone) {

    /** Input of {@code upsertRelationshipManagers}. */
    record Batch(List<ManagerInput> managers) {
    }
}
