package dev.strata.customer;

/**
 * Published once a customer has been merged into another, so each feature re-points what it keeps
 * about the merged customer (events, touchpoints, …) at the survivor. Handlers must be idempotent:
 * a retried merge publishes it again.
 */
public record CustomersMerged(String mergedId, String survivorId) {
}
