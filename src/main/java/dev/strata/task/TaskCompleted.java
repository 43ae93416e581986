package dev.strata.task;

import dev.strata.touchpoint.Touchpoint;

/** Published when an RM closes a task; campaigns count the contact it recorded. */
public record TaskCompleted(Task task, Touchpoint touchpoint) {
}
