package dev.strata.touchpoint;

/** How far a contact with a customer got, from planned to converted, or why it never happened. */
public enum TouchpointStatus {
    PLANNED, SENT, DELIVERED, OPENED, CLICKED, CONVERTED, FAILED, SUPPRESSED
}
