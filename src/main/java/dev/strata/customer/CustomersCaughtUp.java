package dev.strata.customer;

import java.util.List;

/**
 * Published after the audience catch-up re-read customers that changed since the last one (other instances' writes
 * included), so state kept beside the index (the tier timeline) can follow those instances too.
 *
 * @param customerIds the customers re-read
 */
public record CustomersCaughtUp(List<String> customerIds) {
}
