package dev.strata.segment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.strata.graphql.Connection;
import dev.strata.graphql.GlobalId;
import dev.strata.graphql.KeysetPages;
import dev.strata.graphql.Paging;
import dev.strata.graphql.UserError;
import dev.strata.rule.RuleValidator;
import dev.strata.rule.SegmentRule;
import dev.strata.rule.SegmentUsers;
import dev.strata.shared.Scope;
import org.bson.types.ObjectId;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Saving, changing and deleting segments; who may touch which, and what may not be deleted. */
@Service
public class SegmentService {

    static final String STAFF = "hasAnyRole('ADMIN','MARKETER','ANALYST','BRANCH_MANAGER','RELATIONSHIP_MANAGER')";
    static final String MAKERS = "hasAnyRole('ADMIN','MARKETER','BRANCH_MANAGER')";
    static final int MAX_NAME = 100;
    static final int MAX_DESCRIPTION = 1000;

    private final MongoTemplate mongo;
    private final RuleValidator validator;
    private final List<SegmentUsers> users;
    private final Clock clock;

    SegmentService(MongoTemplate mongo, RuleValidator validator, List<SegmentUsers> users, Clock clock) {
        this.mongo = mongo;
        this.validator = validator;
        this.users = users;
        this.clock = clock;
    }

    @PreAuthorize(STAFF)
    public Segment find(String id) {
        return mongo.findById(id, Segment.class);
    }

    @PreAuthorize(STAFF)
    public SegmentSnapshot findSnapshot(String id) {
        return mongo.findById(id, SegmentSnapshot.class);
    }

    @PreAuthorize(STAFF)
    public Connection<Segment> list(Paging paging) {
        return KeysetPages.page(mongo, Segment.class, new Criteria(), paging, Sort.Direction.DESC);
    }

    @PreAuthorize(MAKERS)
    public SegmentInputs.SegmentPayload create(SegmentInputs.CreateSegmentInput input, Scope scope, String actor) {
        String id = new ObjectId().toHexString();
        List<UserError> errors = checkTexts(input.name(), input.description(), true);
        errors.addAll(validator.validate(input.rule(), "rule", id));
        if (!errors.isEmpty()) {
            return SegmentInputs.SegmentPayload.error(errors);
        }
        Instant now = clock.instant();
        Segment segment = new Segment(id, input.name().trim(), input.description(), input.rule(), references(input.rule()),
                scope.kind() == Scope.Kind.BRANCH ? scope.code() : null, actor, now, now);
        return new SegmentInputs.SegmentPayload(mongo.insert(segment), List.of());
    }

    @PreAuthorize(MAKERS)
    public SegmentInputs.SegmentPayload update(SegmentInputs.UpdateSegmentInput input, Scope scope) {
        Found found = changeable(input.id(), scope, "id");
        if (found.error() != null) {
            return SegmentInputs.SegmentPayload.error(List.of(found.error()));
        }
        List<UserError> errors = checkTexts(input.name(), input.description(), false);
        if (input.rule() != null) {
            errors.addAll(validator.validate(input.rule(), "rule", found.segment().id()));
        }
        if (!errors.isEmpty()) {
            return SegmentInputs.SegmentPayload.error(errors);
        }
        Segment before = found.segment();
        SegmentRule rule = input.rule() == null ? before.rule() : input.rule();
        Segment after = new Segment(before.id(), input.name() == null ? before.name() : input.name().trim(),
                input.description() == null ? before.description() : input.description(), rule, references(rule),
                before.branchCode(), before.createdBy(), before.createdAt(), clock.instant());
        return new SegmentInputs.SegmentPayload(mongo.save(after), List.of());
    }

    @PreAuthorize(MAKERS)
    public SegmentInputs.DeleteSegmentPayload delete(SegmentInputs.DeleteSegmentInput input, Scope scope) {
        Found found = changeable(input.id(), scope, "id");
        if (found.error() != null) {
            return new SegmentInputs.DeleteSegmentPayload(null, List.of(found.error()));
        }
        List<String> usedBy = new ArrayList<>();
        users.forEach(user -> usedBy.addAll(user.usersOf(found.segment().id())));
        if (!usedBy.isEmpty()) {
            return new SegmentInputs.DeleteSegmentPayload(null, List.of(UserError.of("IN_USE",
                    "the segment is used by " + String.join(", ", usedBy.subList(0, Math.min(5, usedBy.size())))
                            + (usedBy.size() > 5 ? " and " + (usedBy.size() - 5) + " more" : ""), "id")));
        }
        mongo.remove(found.segment());
        return new SegmentInputs.DeleteSegmentPayload(input.id(), List.of());
    }

    /** A segment the caller may change: any for marketers and admins, their branch's for a branch manager. */
    Found changeable(String globalId, Scope scope, String field) {
        String id = GlobalId.localIdOrNull(globalId, "Segment");
        if (id == null) {
            return new Found(null, UserError.invalidId(field));
        }
        Segment segment = mongo.findById(id, Segment.class);
        boolean mayChange = segment != null
                && (scope.kind() != Scope.Kind.BRANCH || scope.code().equals(segment.branchCode()));
        return mayChange ? new Found(segment, null) : new Found(null, UserError.notFound("segment", field));
    }

    /** A segment looked up for a change, or why not. */
    record Found(Segment segment, UserError error) {
    }

    private static List<UserError> checkTexts(String name, String description, boolean nameRequired) {
        List<UserError> errors = new ArrayList<>();
        if (name == null ? nameRequired : name.isBlank() || name.length() > MAX_NAME) {
            errors.add(UserError.invalid("name must be 1-" + MAX_NAME + " characters", "name"));
        }
        if (description != null && description.length() > MAX_DESCRIPTION) {
            errors.add(UserError.invalid("description must be at most " + MAX_DESCRIPTION + " characters", "description"));
        }
        return errors;
    }

    private static List<String> references(SegmentRule rule) {
        return rule.segmentReferences().stream().map(ref -> GlobalId.localIdOrNull(ref, "Segment"))
                .filter(java.util.Objects::nonNull).distinct().toList();
    }
}
