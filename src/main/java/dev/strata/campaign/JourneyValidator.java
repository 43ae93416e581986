package dev.strata.campaign;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.strata.campaign.JourneyStep.StepKind;
import dev.strata.graphql.Codes;
import dev.strata.graphql.GlobalId;
import dev.strata.graphql.UserError;
import dev.strata.product.ProductService;
import dev.strata.rule.LabelKeys;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Turns journey inputs into steps and refuses broken journeys at save: keys, references, reachability, loops. */
@Component
class JourneyValidator {

    static final int MAX_STEPS = 50;
    static final int MAX_TEMPLATE = 1000;
    static final int MAX_VARIANTS = 4;
    static final int MAX_TITLE = 200;
    static final Duration MAX_DURATION = Duration.ofDays(365);

    private final LabelKeys labels;
    private final ProductService products;
    private final MongoTemplate mongo;

    JourneyValidator(LabelKeys labels, ProductService products, MongoTemplate mongo) {
        this.labels = labels;
        this.products = products;
        this.mongo = mongo;
    }

    /** The steps, and an error per problem (with its path under {@code journey}). */
    record Result(List<JourneyStep> steps, List<UserError> errors) {
    }

    Result validate(List<CampaignInputs.JourneyStepInput> inputs, String campaignId) {
        List<UserError> errors = new ArrayList<>();
        if (inputs == null || inputs.isEmpty()) {
            return new Result(List.of(), List.of(UserError.of("REQUIRED", "a journey needs at least one step", "journey")));
        }
        if (inputs.size() > MAX_STEPS) {
            return new Result(List.of(), List.of(UserError.tooMany(MAX_STEPS, "journey")));
        }
        List<JourneyStep> steps = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            steps.add(JourneySteps.of(inputs.get(i)));
        }
        Map<String, Integer> indexOf = new LinkedHashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            JourneyStep step = steps.get(i);
            String at = String.valueOf(i);
            if (step == null) {
                errors.add(UserError.of("REQUIRED", "each step needs exactly one kind", "journey", at));
                continue;
            }
            if (!Codes.isValid(step.key())) {
                errors.add(UserError.invalid("key " + Codes.RULE, "journey", at, "key"));
            } else if (indexOf.putIfAbsent(step.key(), i) != null) {
                errors.add(UserError.of("DUPLICATE_KEY", "another step has this key", "journey", at, "key"));
            }
            errors.addAll(checkStep(step, at, campaignId));
        }
        if (!errors.isEmpty()) {
            return new Result(steps, errors);
        }
        for (int i = 0; i < steps.size(); i++) {
            for (String target : steps.get(i).targets()) {
                if (target == null || !indexOf.containsKey(target)) {
                    errors.add(UserError.of("UNKNOWN_STEP", "a step goes to a key no step has", "journey", String.valueOf(i)));
                }
            }
        }
        if (errors.isEmpty()) {
            errors.addAll(graphErrors(steps, indexOf));
        }
        return new Result(steps, errors);
    }

    private List<UserError> checkStep(JourneyStep step, String at, String campaignId) {
        List<UserError> errors = new ArrayList<>();
        switch (step.kind()) {
            case SEND -> {
                if (!JourneySteps.validText(step.template(), MAX_TEMPLATE)) {
                    errors.add(UserError.of("MISSING_TEMPLATE", "a send needs a template of 1-" + MAX_TEMPLATE + " characters",
                            "journey", at, "template"));
                }
                errors.addAll(checkVariants(step.variants(), at));
                if (step.fallbackChannels() != null && step.fallbackChannels().size() > 8) {
                    errors.add(UserError.tooMany(8, "journey", at, "fallbackChannels"));
                }
                if (step.offerProductCode() != null && (!Codes.isValid(step.offerProductCode())
                        || products.find(step.offerProductCode()) == null)) {
                    errors.add(UserError.of("UNKNOWN_PRODUCT", "no such product", "journey", at, "offerProductCode"));
                }
            }
            case WAIT -> checkDuration(step.duration(), errors, at, "duration");
            case WAIT_FOR_RESPONSE -> {
                checkDuration(step.within(), errors, at, "within");
                if (step.responseKind() == null || step.responseKind() == ResponseKind.UNSUBSCRIBED) {
                    errors.add(UserError.invalid("wait for DELIVERED, OPENED, CLICKED or CONVERTED", "journey", at, "kind"));
                }
            }
            case BRANCH_ON_CHANNEL -> {
                if (step.cases() == null || step.cases().isEmpty() || step.cases().size() > 10) {
                    errors.add(UserError.invalid("a branch needs 1-10 cases", "journey", at, "cases"));
                }
            }
            case ADD_LABEL -> {
                if (!Codes.isValid(step.labelKey()) || labels.byKey(List.of(step.labelKey())).isEmpty()) {
                    errors.add(UserError.of("UNKNOWN_LABEL", "no such label", "journey", at, "labelKey"));
                }
            }
            case ASSIGN_TASK -> {
                if (!JourneySteps.validText(step.title(), MAX_TITLE)) {
                    errors.add(UserError.invalid("title must be 1-" + MAX_TITLE + " characters", "journey", at, "title"));
                }
                checkDuration(step.due(), errors, at, "due");
            }
            case MOVE_TO_CAMPAIGN -> {
                String target = GlobalId.localIdOrNull(step.campaignId(), "Campaign");
                if (target == null) {
                    errors.add(UserError.invalidId("journey", at, "campaignId"));
                } else if (target.equals(campaignId) || mongo.findById(target, Campaign.class) == null) {
                    errors.add(UserError.of("UNKNOWN_CAMPAIGN", "no such other campaign", "journey", at, "campaignId"));
                }
            }
            case EXIT -> {
            }
        }
        return errors;
    }

    private static List<UserError> checkVariants(List<JourneyStep.TemplateVariant> variants, String at) {
        if (variants == null || variants.isEmpty()) {
            return List.of();
        }
        if (variants.size() > MAX_VARIANTS) {
            return List.of(UserError.tooMany(MAX_VARIANTS, "journey", at, "variants"));
        }
        List<UserError> errors = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        int total = 0;
        for (var variant : variants) {
            total += variant.percent();
            if (!Codes.isValid(variant.key()) || !keys.add(variant.key()) || variant.percent() < 0
                    || !JourneySteps.validText(variant.template(), MAX_TEMPLATE)) {
                errors.add(UserError.invalid("each variant needs its own key, a template of 1-" + MAX_TEMPLATE
                        + " characters and a percent", "journey", at, "variants"));
            }
        }
        if (total != 100) {
            errors.add(UserError.invalid("variant percents must add up to 100", "journey", at, "variants"));
        }
        return errors;
    }

    private static void checkDuration(Duration duration, List<UserError> errors, String at, String field) {
        if (duration == null || duration.isNegative() || duration.isZero() || duration.compareTo(MAX_DURATION) > 0) {
            errors.add(UserError.invalid(field + " must be positive and at most 365 days", "journey", at, field));
        }
    }

    /** Every step reachable from the first, and no cycle that passes no wait. */
    private static List<UserError> graphErrors(List<JourneyStep> steps, Map<String, Integer> indexOf) {
        Map<String, List<String>> edges = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            JourneyStep step = steps.get(i);
            List<String> out = new ArrayList<>(step.targets());
            if (step.fallsThrough() && i + 1 < steps.size()) {
                out.add(steps.get(i + 1).key());
            }
            edges.put(step.key(), out);
        }
        List<UserError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        ArrayDeque<String> queue = new ArrayDeque<>(List.of(steps.get(0).key()));
        while (!queue.isEmpty()) {
            String key = queue.poll();
            if (seen.add(key)) {
                queue.addAll(edges.get(key));
            }
        }
        indexOf.forEach((key, i) -> {
            if (!seen.contains(key)) {
                errors.add(UserError.of("UNREACHABLE_STEP", "no path leads to this step", "journey", String.valueOf(i)));
            }
        });
        Map<String, Integer> state = new HashMap<>();
        for (JourneyStep step : steps) {
            if (isWait(step) || state.containsKey(step.key())) {
                continue;
            }
            if (cycleWithoutWait(step.key(), edges, steps, indexOf, state)) {
                errors.add(UserError.of("LOOP_WITHOUT_WAIT", "a loop must pass a wait", "journey"));
                break;
            }
        }
        return errors;
    }

    private static boolean cycleWithoutWait(String key, Map<String, List<String>> edges, List<JourneyStep> steps,
            Map<String, Integer> indexOf, Map<String, Integer> state) {
        state.put(key, 1);
        for (String next : edges.get(key)) {
            if (isWait(steps.get(indexOf.get(next)))) {
                continue;
            }
            Integer s = state.get(next);
            if (s != null && s == 1 || s == null && cycleWithoutWait(next, edges, steps, indexOf, state)) {
                return true;
            }
        }
        state.put(key, 2);
        return false;
    }

    private static boolean isWait(JourneyStep step) {
        return step.kind() == StepKind.WAIT || step.kind() == StepKind.WAIT_FOR_RESPONSE;
    }
}
