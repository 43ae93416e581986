package dev.strata.touchpoint;

/** What came of an RM's call or visit, as the RM reports it; each maps to a touchpoint status. */
public enum ContactOutcome {
    REACHED(TouchpointStatus.DELIVERED),
    NO_ANSWER(TouchpointStatus.FAILED),
    INTERESTED(TouchpointStatus.CLICKED),
    NOT_INTERESTED(TouchpointStatus.DELIVERED),
    CALLBACK_REQUESTED(TouchpointStatus.OPENED),
    CONVERTED(TouchpointStatus.CONVERTED);

    private final TouchpointStatus status;

    ContactOutcome(TouchpointStatus status) {
        this.status = status;
    }

    public TouchpointStatus status() {
        return status;
    }
}
