package dev.strata.task;

import java.util.List;

/** Published when a branch manager hands customers from one RM to another, so features keyed by RM (the radar) follow. */
public record BookReassigned(String fromManagerCode, String toManagerCode, List<String> customerIds) {
}
