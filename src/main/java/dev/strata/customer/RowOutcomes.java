package dev.strata.customer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.strata.graphql.RowResult;
import dev.strata.graphql.UserError;

/** Tracks what happened to each row of an upsert and tallies the counts. */
final class RowOutcomes {

    static final String CONFLICT = "CONFLICT";

    private enum Outcome { CREATED, UPDATED, UNCHANGED, REJECTED }

    private final RowResult[] rows;
    private final Outcome[] outcomes;

    RowOutcomes(int size) {
        this.rows = new RowResult[size];
        this.outcomes = new Outcome[size];
    }

    void created(int index, String externalRef, String customerId) {
        set(index, Outcome.CREATED, new RowResult(index, externalRef, customerId, List.of()));
    }

    void updated(int index, String externalRef, String customerId) {
        set(index, Outcome.UPDATED, new RowResult(index, externalRef, customerId, List.of()));
    }

    void unchanged(int index, String externalRef, String customerId) {
        set(index, Outcome.UNCHANGED, new RowResult(index, externalRef, customerId, List.of()));
    }

    void reject(int index, String externalRef, List<UserError> errors) {
        set(index, Outcome.REJECTED, new RowResult(index, externalRef, null, errors));
    }

    /** The store refused a row that passed validation, typically a concurrent write of the same reference. */
    void conflict(int index, String message) {
        String reason = message != null && message.contains("E11000") ? "another write of this customer won; retry the row"
                : "the store refused this row; retry it";
        reject(index, rows[index].externalRef(), List.of(UserError.of(CONFLICT, reason, "customers", String.valueOf(index))));
    }

    /** Whether the row was created or updated (not unchanged, rejected or lost to a conflict). */
    boolean stored(int index) {
        return outcomes[index] == Outcome.CREATED || outcomes[index] == Outcome.UPDATED;
    }

    static boolean hasConflicts(CustomerIngestService.UpsertResult result) {
        return result.rows().stream().flatMap(row -> row.userErrors().stream()).anyMatch(e -> CONFLICT.equals(e.code()));
    }

    /** Customers this batch updated (not the created, unchanged or rejected ones). */
    List<String> updatedCustomerIds() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            if (outcomes[i] == Outcome.UPDATED) {
                ids.add(rows[i].customerId());
            }
        }
        return ids;
    }

    CustomerIngestService.UpsertResult result() {
        return new CustomerIngestService.UpsertResult(count(Outcome.CREATED), count(Outcome.UPDATED),
                count(Outcome.UNCHANGED), new ArrayList<>(Arrays.asList(rows)), List.of());
    }

    private void set(int index, Outcome outcome, RowResult row) {
        rows[index] = row;
        outcomes[index] = outcome;
    }

    private int count(Outcome outcome) {
        return (int) Arrays.stream(outcomes).filter(o -> o == outcome).count();
    }
}
