package dev.strata.balance;

import java.util.List;

import dev.strata.graphql.RowResult;
import dev.strata.graphql.UserError;

/** What became of a {@code recordDailyBalances} call: entries taken, already stored, refused by index, or refused as a whole. */
public record RecordDailyBalancesPayload(int accepted, int unchanged, List<RowResult> rejected, List<UserError> userErrors) {

    /** The whole call was refused and nothing was stored. */
    static RecordDailyBalancesPayload refused(UserError error) {
        return new RecordDailyBalancesPayload(0, 0, List.of(), List.of(error));
    }
}
