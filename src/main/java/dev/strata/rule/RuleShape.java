package dev.strata.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.strata.graphql.UserError;

/**
 * Walks a rule once, checking what needs no lookup (one condition per node, non-empty lists, bounds,
 * depth) and collecting the names that do, each with the path where it was written.
 */
final class RuleShape {

    /** A value found in the rule and the path to it. */
    record Located<T>(T value, List<String> path) {
    }

    private final List<UserError> errors;
    private final List<Located<String>> labels = new ArrayList<>();
    private final List<Located<String>> products = new ArrayList<>();
    private final List<Located<String>> branches = new ArrayList<>();
    private final List<Located<String>> managers = new ArrayList<>();
    private final List<Located<String>> segments = new ArrayList<>();
    private int nodes;

    RuleShape(List<UserError> errors) {
        this.errors = errors;
    }

    void check(SegmentRule rule, List<String> path, int depth) {
        nodes++;
        if (nodes > RuleValidator.MAX_NODES) {
            return;
        }
        if (depth > RuleValidator.MAX_DEPTH) {
            errors.add(RuleValidator.error("TOO_DEEP", "rules nest at most " + RuleValidator.MAX_DEPTH + " levels", path));
            return;
        }
        List<String> set = rule.fieldsSet();
        if (set.size() != 1) {
            errors.add(RuleValidator.error("INVALID", set.isEmpty() ? "a rule node needs exactly one condition"
                    : "a rule node takes exactly one condition, got " + set.size(), path));
            return;
        }
        String field = set.get(0);
        List<String> here = append(path, field);
        switch (field) {
            case "and", "or" -> children(field.equals("and") ? rule.and() : rule.or(), here, depth);
            case "not" -> check(rule.not(), here, depth + 1);
            case "hasLabel" -> labels.add(new Located<>(rule.hasLabel(), here));
            case "hasProduct" -> products.add(new Located<>(rule.hasProduct(), here));
            case "inSegment" -> segments.add(new Located<>(rule.inSegment(), here));
            case "branchIn" -> each(rule.branchIn(), here, code -> branches.add(code));
            case "managerIn" -> each(rule.managerIn(), here, code -> managers.add(code));
            case "tierIn" -> nonEmpty(rule.tierIn(), here);
            case "quadrantIn" -> nonEmpty(rule.quadrantIn(), here);
            case "sourceIn" -> nonEmpty(rule.sourceIn(), here);
            case "lifecycleIn" -> nonEmpty(rule.lifecycleIn(), here);
            case "riskLevelIn" -> nonEmpty(rule.riskLevelIn(), here);
            case "numeric" -> numeric(rule.numeric(), here);
            case "event" -> event(rule.event(), here);
            default -> { } // consentTo: any channel is a valid value
        }
    }

    private void children(List<SegmentRule> children, List<String> path, int depth) {
        if (nonEmpty(children, path)) {
            for (int i = 0; i < children.size(); i++) {
                check(children.get(i), append(path, String.valueOf(i)), depth + 1);
            }
        }
    }

    private void each(List<String> codes, List<String> path, Consumer<Located<String>> sink) {
        if (nonEmpty(codes, path)) {
            for (int i = 0; i < codes.size(); i++) {
                sink.accept(new Located<>(codes.get(i), append(path, String.valueOf(i))));
            }
        }
    }

    private boolean nonEmpty(List<?> values, List<String> path) {
        if (values.isEmpty()) {
            errors.add(RuleValidator.error("EMPTY", "give at least one", path));
            return false;
        }
        return true;
    }

    private void numeric(SegmentRule.NumericCondition numeric, List<String> path) {
        if (numeric.field() == null) {
            errors.add(RuleValidator.error("REQUIRED", "field is required", append(path, "field")));
        }
        if (!finite(numeric.gte()) || !finite(numeric.lt())) {
            errors.add(RuleValidator.error("INVALID", "bounds must be finite numbers", append(path, finite(numeric.gte()) ? "lt" : "gte")));
        } else if (numeric.gte() != null && numeric.lt() != null && numeric.gte() >= numeric.lt()) {
            errors.add(RuleValidator.error("INVALID", "gte must be below lt", append(path, "gte")));
        }
    }

    private void event(SegmentRule.EventCondition event, List<String> path) {
        if (!RuleValidator.isEventType(event.type())) {
            errors.add(RuleValidator.error("INVALID", "type must be an event type such as LOGIN or PURCHASE", append(path, "type")));
        }
        if (event.withinDays() == null || event.withinDays() < 1 || event.withinDays() > RuleValidator.MAX_WITHIN_DAYS) {
            errors.add(RuleValidator.error("INVALID", "withinDays must be 1-" + RuleValidator.MAX_WITHIN_DAYS,
                    append(path, "withinDays")));
        }
        if (event.minCountOrDefault() < 1 || event.minCountOrDefault() > RuleValidator.MAX_MIN_COUNT) {
            errors.add(RuleValidator.error("INVALID", "minCount must be 1-" + RuleValidator.MAX_MIN_COUNT,
                    append(path, "minCount")));
        }
    }

    private static boolean finite(Double value) {
        return value == null || Double.isFinite(value);
    }

    private static List<String> append(List<String> path, String step) {
        List<String> longer = new ArrayList<>(path);
        longer.add(step);
        return longer;
    }

    int nodes() {
        return nodes;
    }

    List<Located<String>> labels() {
        return labels;
    }

    List<Located<String>> products() {
        return products;
    }

    List<Located<String>> branches() {
        return branches;
    }

    List<Located<String>> managers() {
        return managers;
    }

    List<Located<String>> segments() {
        return segments;
    }
}
