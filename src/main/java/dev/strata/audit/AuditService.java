package dev.strata.audit;

import java.time.Clock;
import java.time.Instant;

import dev.strata.graphql.Connection;
import dev.strata.graphql.Paging;
import dev.strata.graphql.KeysetPages;
import org.bson.types.ObjectId;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Append-only audit trail of logins, lockouts, user changes, merges and unmasked reads, written from
 * the {@link AuditEvent}s features publish.
 */
@Service
public class AuditService {

    static final int MAX_LENGTH = 100;

    private final MongoTemplate mongo;
    private final Clock clock;

    AuditService(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Appends one entry per target, in one write. */
    @EventListener
    void record(AuditEvent event) {
        if (event.targets().isEmpty()) {
            return;
        }
        Instant at = clock.instant();
        mongo.insertAll(event.targets().stream().map(target -> new AuditEntry(new ObjectId().toHexString(),
                truncate(event.actor()), truncate(event.action()), truncate(target), truncate(event.field()), at)).toList());
    }

    /** No entry keeps more than {@value #MAX_LENGTH} characters of anything a client sent (a 5 MB username). */
    static String truncate(String value) {
        return value == null || value.length() <= MAX_LENGTH ? value : value.substring(0, MAX_LENGTH - 1) + "…";
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
