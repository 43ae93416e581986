package dev.strata.audit;

import java.util.List;

/**
 * Something worth an audit entry, published by the feature where it happened: the audit trail listens,
 * so no feature depends on how (or whether) the trail is stored.
 *
 * @param actor   who did it (a username, or "anonymous")
 * @param action  what they did, e.g. {@code LOGIN} or {@code READ_UNMASKED}
 * @param targets what they did it to; one entry each
 * @param field   which field, where that matters
 */
public record AuditEvent(String actor, String action, List<String> targets, String field) {

    public AuditEvent(String actor, String action, String target, String field) {
        this(actor, action, List.of(target), field);
    }
}
