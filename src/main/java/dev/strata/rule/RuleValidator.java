package dev.strata.rule;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.strata.graphql.UserError;
import dev.strata.shared.EventTypes;
import org.springframework.stereotype.Component;

/**
 * Checks a rule before it is evaluated or stored, with one userError per problem whose {@code field} is
 * the path to the bad node, e.g. {@code ["rule","and","1","numeric","gte"]}.
 */
@Component
public class RuleValidator {

    public static final int MAX_DEPTH = 10;
    public static final int MAX_NODES = 200;
    public static final int MAX_WITHIN_DAYS = 365;
    public static final int MAX_MIN_COUNT = 10_000;
    private static final Pattern EVENT_TYPE = Pattern.compile(EventTypes.PATTERN);

    private final LabelKeys labels;
    private final SegmentCycles cycles;
    private final KnownCodes codes;

    RuleValidator(LabelKeys labels, SegmentCycles cycles, KnownCodes codes) {
        this.labels = labels;
        this.cycles = cycles;
        this.codes = codes;
    }

    /**
     * The problems with {@code rule}, each with its path below {@code root} (e.g. "rule"); empty when it may
     * be evaluated. {@code segmentId} is the segment the rule belongs to (null for a preview or a label), so
     * a rule that reaches its own segment is refused as a cycle.
     */
    public List<UserError> validate(SegmentRule rule, String root, String segmentId) {
        List<UserError> errors = new ArrayList<>();
        if (rule == null) {
            errors.add(UserError.of("REQUIRED", "a rule is required", root));
            return errors;
        }
        RuleShape shape = new RuleShape(errors);
        shape.check(rule, List.of(root), 1);
        if (shape.nodes() > MAX_NODES) {
            errors.add(UserError.tooMany(MAX_NODES, root));
            return errors;
        }
        checkNames(shape, errors);
        for (RuleShape.Located<String> reference : shape.segments()) {
            cycles.check(reference.value(), segmentId).ifPresent(problem -> errors.add(problem.at(reference.path())));
        }
        return errors;
    }

    /** Label keys, product, branch and manager codes must name something that exists: at most one lookup per kind. */
    private void checkNames(RuleShape shape, List<UserError> errors) {
        Map<String, LabelKeys.LabelRef> labelIds = labels.byKey(values(shape.labels()));
        shape.labels().stream().filter(l -> !labelIds.containsKey(l.value()))
                .forEach(l -> errors.add(error("UNKNOWN_LABEL", "no label with this key", l.path())));
        Set<String> knownProducts = codes.products(values(shape.products()));
        shape.products().stream().filter(p -> !knownProducts.contains(p.value()))
                .forEach(p -> errors.add(error("UNKNOWN_PRODUCT", "no product with this code", p.path())));
        Set<String> knownBranches = codes.branches(values(shape.branches()));
        shape.branches().stream().filter(b -> !knownBranches.contains(b.value()))
                .forEach(b -> errors.add(error("UNKNOWN_BRANCH", "no branch with this code", b.path())));
        Set<String> knownManagers = codes.managers(values(shape.managers()));
        shape.managers().stream().filter(m -> !knownManagers.contains(m.value()))
                .forEach(m -> errors.add(error("UNKNOWN_MANAGER", "no relationship manager with this code", m.path())));
    }

    static boolean isEventType(String type) {
        return type != null && EVENT_TYPE.matcher(type).matches();
    }

    private static Set<String> values(List<RuleShape.Located<String>> located) {
        Set<String> values = new HashSet<>();
        located.forEach(l -> values.add(l.value()));
        return values;
    }

    static UserError error(String code, String message, List<String> path) {
        return new UserError(List.copyOf(path), message, code);
    }
}
