package dev.strata.campaign;

import dev.strata.touchpoint.TouchpointStatus;

/** What a channel reports a customer did with a message; the funnel kinds map to touchpoint statuses. */
public enum ResponseKind {
    DELIVERED(TouchpointStatus.DELIVERED), OPENED(TouchpointStatus.OPENED), CLICKED(TouchpointStatus.CLICKED),
    CONVERTED(TouchpointStatus.CONVERTED), UNSUBSCRIBED(null);

    private final TouchpointStatus status;

    ResponseKind(TouchpointStatus status) {
        this.status = status;
    }

    /** The status this response moves a touchpoint to; null for UNSUBSCRIBED, which moves none. */
    public TouchpointStatus status() {
        return status;
    }
}
