package dev.strata.label;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.strata.customer.Customer;
import dev.strata.customer.CustomerLabels;
import dev.strata.customer.CustomerRefs;
import dev.strata.graphql.Connection;
import dev.strata.graphql.GlobalId;
import dev.strata.graphql.Paging;
import dev.strata.graphql.UserError;
import dev.strata.rule.RuleValidator;
import dev.strata.security.Viewers;
import dev.strata.shared.Scope;
import dev.strata.graphql.Codes;
import dev.strata.graphql.KeysetPages;
import org.bson.types.ObjectId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Labels: defining them and putting them on or off customers in the caller's scope. Labels are inserted, never updated nor deleted. */
@Service
public class LabelService {

    static final int MAX_CUSTOMERS_PER_CALL = 10_000;
    static final int MAX_NAME = 100;
    static final int MAX_DESCRIPTION = 1000;
    static final String STAFF = "hasAnyRole('ADMIN','MARKETER','ANALYST','BRANCH_MANAGER','RELATIONSHIP_MANAGER')";

    private final MongoTemplate mongo;
    private final CustomerLabels customerLabels;
    private final CustomerRefs refs;
    private final RuleValidator validator;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final KnownLabels known;

    LabelService(MongoTemplate mongo, CustomerLabels customerLabels, CustomerRefs refs, RuleValidator validator,
            ApplicationEventPublisher events, Clock clock, KnownLabels known) {
        this.known = known;
        this.validator = validator;
        this.events = events;
        this.mongo = mongo;
        this.customerLabels = customerLabels;
        this.refs = refs;
        this.clock = clock;
    }

    /** Outcome of {@code createLabel}. */
    public record CreateResult(Label label, List<UserError> userErrors) {
    }

    /** Outcome of {@code applyLabel} / {@code removeLabel}: how many customers changed. */
    public record ChangeResult(int changed, List<UserError> userErrors) {
        public int applied() {
            return changed;
        }

        public int removed() {
            return changed;
        }
    }

    @PreAuthorize("hasAnyRole('ADMIN','MARKETER','BRANCH_MANAGER')")
    public CreateResult create(LabelInputs.CreateLabelInput input) {
        List<UserError> errors = new ArrayList<>();
        if (!Codes.isValid(input.key())) {
            errors.add(UserError.invalid("key " + Codes.RULE, "key"));
        }
        if (input.name() == null || input.name().isBlank() || input.name().length() > MAX_NAME) {
            errors.add(UserError.invalid("name must be 1-" + MAX_NAME + " characters", "name"));
        }
        if (input.description() != null && input.description().length() > MAX_DESCRIPTION) {
            errors.add(UserError.invalid("description must be at most " + MAX_DESCRIPTION + " characters", "description"));
        }
        errors.addAll(checkKind(input));
        if (!errors.isEmpty()) {
            return new CreateResult(null, errors);
        }
        List<String> references = input.rule() == null ? List.of() : input.rule().segmentReferences().stream()
                .map(ref -> GlobalId.localIdOrNull(ref, "Segment")).filter(java.util.Objects::nonNull).distinct().toList();
        Label label = new Label(new ObjectId().toHexString(), input.key(), input.name().trim(), input.description(),
                input.category(), input.kind(), input.rule(), references, clock.instant(), Viewers.name());
        try {
            Label stored = mongo.insert(label);
            events.publishEvent(new RuleLabelsChanged());
            return new CreateResult(stored, List.of());
        } catch (DuplicateKeyException e) {
            return new CreateResult(null, List.of(UserError.of("TAKEN", "a label with this key exists", "key")));
        }
    }

    /** MANUAL labels take no rule; RULE labels need a valid one that does not name the label itself; SYSTEM ones are Strata's. */
    private List<UserError> checkKind(LabelInputs.CreateLabelInput input) {
        return switch (input.kind()) {
            case MANUAL -> input.rule() == null ? List.of()
                    : List.of(UserError.invalid("a MANUAL label takes no rule; make it a RULE label", "rule"));
            case RULE -> {
                List<UserError> errors = new ArrayList<>(validator.validate(input.rule(), "rule", null));
                if (input.rule() != null && input.rule().labelKeys().contains(input.key())) {
                    errors.add(UserError.of("CYCLE", "a RULE label cannot select by itself", "rule"));
                }
                yield errors;
            }
            case SYSTEM -> List.of(UserError.of("UNSUPPORTED_KIND", "SYSTEM labels are computed by Strata", "kind"));
        };
    }

    /**
     * The SYSTEM label with this key, created on first use: labels the system computes (churn risk, tier) exist
     * without anyone defining them. Unguarded: only features call it, never a request directly.
     */
    public Label ensureSystemLabel(String key, String name, LabelCategory category) {
        return systemLabel(key, name, null, category);
    }

    public Label systemLabel(String key, String name, String description, LabelCategory category) {
        Label found = mongo.findOne(Query.query(Criteria.where("key").is(key)), Label.class);
        if (found != null) {
            return found;
        }
        try {
            return mongo.insert(new Label(new ObjectId().toHexString(), key, name, description, category, LabelKind.SYSTEM,
                    null, List.of(), clock.instant(), "system"));
        } catch (DuplicateKeyException e) {
            return mongo.findOne(Query.query(Criteria.where("key").is(key)), Label.class);
        }
    }

    @PreAuthorize(STAFF)
    public Label find(String id) {
        return mongo.findById(id, Label.class);
    }

    @PreAuthorize(STAFF)
    public Connection<Label> list(LabelCategory category, Paging paging) {
        Criteria filter = category == null ? new Criteria() : Criteria.where("category").is(category);
        return KeysetPages.page(mongo, Label.class, filter, paging, Sort.Direction.ASC);
    }

    /** Labels by local ID, for batched resolution: labels are never changed, so each is read once ({@link KnownLabels}). */
    public List<Label> findAll(List<String> ids) {
        return known.findAll(ids);
    }

    @PreAuthorize("hasAnyRole('ADMIN','MARKETER','BRANCH_MANAGER','RELATIONSHIP_MANAGER')")
    public ChangeResult apply(LabelInputs.LabelCustomersInput input, Scope scope) {
        return change(input, scope, true);
    }

    @PreAuthorize("hasAnyRole('ADMIN','MARKETER','BRANCH_MANAGER','RELATIONSHIP_MANAGER')")
    public ChangeResult remove(LabelInputs.LabelCustomersInput input, Scope scope) {
        return change(input, scope, false);
    }

    private ChangeResult change(LabelInputs.LabelCustomersInput input, Scope scope, boolean apply) {
        List<String> ids = input.customerIds() == null ? List.of() : input.customerIds();
        if (ids.size() > MAX_CUSTOMERS_PER_CALL) {
            return new ChangeResult(0, List.of(UserError.tooMany(MAX_CUSTOMERS_PER_CALL, "customerIds")));
        }
        String labelId = GlobalId.localIdOrNull(input.labelId(), "Label");
        if (labelId == null) {
            return new ChangeResult(0, List.of(UserError.invalidId("labelId")));
        }
        Label label = mongo.findById(labelId, Label.class);
        if (label == null) {
            return new ChangeResult(0, List.of(UserError.notFound("label", "labelId")));
        }
        if (label.kind() != LabelKind.MANUAL) {
            return new ChangeResult(0, List.of(UserError.of("NOT_MANUAL",
                    "label " + label.key() + " is " + label.kind() + " and is maintained by the system", "labelId")));
        }
        CustomerRefs.ResolvedList resolved = refs.forChange(ids, scope, "customerIds");
        Set<String> targets = resolved.customers().stream().map(Customer::id).collect(Collectors.toSet());
        int changed = apply ? customerLabels.apply(label.id(), label.key(), targets, "MANUAL:" + Viewers.name())
                : customerLabels.remove(label.id(), targets);
        return new ChangeResult(changed, resolved.userErrors());
    }
}
