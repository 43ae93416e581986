package dev.strata.graphql;

import java.util.List;

/** The outcome of one row of a batch, by its index in the input; {@code customerId} is the row's customer, if any. */
public record RowResult(int index, String externalRef, String customerId, List<UserError> userErrors) {
}
