package dev.strata.audit;

import java.time.Clock;

import dev.strata.graphql.Connection;
import dev.strata.graphql.Paging;
import dev.strata.security.Viewers;
import dev.strata.store.KeysetPages;
import org.bson.types.ObjectId;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Append-only audit trail of logins, lockouts, user changes, merges and unmasked reads. */
@Service
public class AuditService {

    private final MongoTemplate mongo;
    private final Clock clock;

    AuditService(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Records an action by the current caller. */
    public void record(String action, String target, String field) {
        record(Viewers.name(), action, target, field);
    }

    public void record(String actor, String action, String target, String field) {
        mongo.insert(new AuditEntry(new ObjectId().toHexString(), actor, action, target, field, clock.instant()));
    }

    /** Records the same action by the current caller on many targets in one write. */
    public void recordAll(String action, java.util.Collection<String> targets, String field) {
        if (targets.isEmpty()) {
            return;
        }
        String actor = Viewers.name();
        java.time.Instant at = clock.instant();
        mongo.insertAll(targets.stream()
                .map(target -> new AuditEntry(new ObjectId().toHexString(), actor, action, target, field, at)).toList());
    }

    /** Newest first. */
    @PreAuthorize("hasRole('ADMIN')")
    public Connection<AuditEntry> list(Paging paging) {
        return KeysetPages.page(mongo, AuditEntry.class, new Criteria(), paging, Sort.Direction.DESC);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public AuditEntry find(String id) {
        return mongo.findById(id, AuditEntry.class);
    }
}
