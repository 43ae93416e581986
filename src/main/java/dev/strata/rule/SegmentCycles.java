package dev.strata.rule;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.strata.graphql.GlobalId;
import dev.strata.graphql.UserError;
import org.springframework.stereotype.Component;

/** Refuses an {@code inSegment} that names no segment, or that leads back to the segment being saved. */
@Component
class SegmentCycles {

    private final SegmentRules segments;

    SegmentCycles(SegmentRules segments) {
        this.segments = segments;
    }

    /** A problem with a reference, to be placed at its path. */
    record Problem(String code, String message) {
        UserError at(List<String> path) {
            return RuleValidator.error(code, message, path);
        }
    }

    /** What is wrong with referencing {@code globalId} from the rule of {@code owner} (null: a rule of no segment). */
    Optional<Problem> check(String globalId, String owner) {
        String id = GlobalId.localIdOrNull(globalId, "Segment");
        if (id == null) {
            return Optional.of(new Problem(UserError.INVALID_ID, "not a valid ID"));
        }
        if (id.equals(owner)) {
            return Optional.of(new Problem("CYCLE", "a segment cannot contain itself"));
        }
        if (segments.ruleOf(id).isEmpty()) {
            return Optional.of(new Problem(UserError.NOT_FOUND, "no such segment"));
        }
        return owner != null && reaches(id, owner) ? Optional.of(new Problem("CYCLE", "this segment contains the one being saved"))
                : Optional.empty();
    }

    /** Whether following {@code inSegment} references from {@code start} reaches {@code target}. */
    private boolean reaches(String start, String target) {
        Deque<String> pending = new ArrayDeque<>(List.of(start));
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            String id = pending.pop();
            if (!seen.add(id)) {
                continue;
            }
            for (String reference : segments.ruleOf(id).map(SegmentRule::segmentReferences).orElse(List.of())) {
                String next = GlobalId.localIdOrNull(reference, "Segment");
                if (target.equals(next)) {
                    return true;
                }
                if (next != null) {
                    pending.push(next);
                }
            }
        }
        return false;
    }
}
