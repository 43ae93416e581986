package dev.strata.label;

import dev.strata.security.Scopes;
import dev.strata.shared.Scope;
import graphql.GraphQLContext;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.strata.customer.Customer;
import dev.strata.audience.Attribute;
import dev.strata.audience.AudienceIndex;
import dev.strata.customer.CustomerService;
import dev.strata.rule.RuleEvaluator;
import dev.strata.rule.SegmentRule;
import dev.strata.graphql.Batches;
import dev.strata.graphql.Connection;
import dev.strata.graphql.GlobalId;
import dev.strata.graphql.NodeFetcher;
import dev.strata.graphql.Paging;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** GraphQL entry to labels and to the labels on a customer. */
@Controller
class LabelController implements NodeFetcher {

    private final LabelService labels;
    private final CustomerService customers;
    private final AudienceIndex audience;
    private final RuleEvaluator rules;

    LabelController(LabelService labels, CustomerService customers, AudienceIndex audience, RuleEvaluator rules) {
        this.labels = labels;
        this.customers = customers;
        this.audience = audience;
        this.rules = rules;
    }

    @QueryMapping
    Label label(@Argument String id) {
        return labels.find(GlobalId.localId(id, typeName()));
    }

    @QueryMapping
    Connection<Label> labels(@Argument LabelCategory category, @Argument Integer first, @Argument String after) {
        return labels.list(category, Paging.of(first, after));
    }

    @MutationMapping
    LabelService.CreateResult createLabel(@Argument LabelInputs.CreateLabelInput input) {
        return labels.create(input);
    }

    @MutationMapping
    LabelService.ChangeResult applyLabel(@Argument LabelInputs.LabelCustomersInput input, Scope scope) {
        return labels.apply(input, scope);
    }

    @MutationMapping
    LabelService.ChangeResult removeLabel(@Argument LabelInputs.LabelCustomersInput input, Scope scope) {
        return labels.remove(input, scope);
    }

    /** Exact counts from the audience index, within the viewer's scope (computed once for a page of labels). */
    @BatchMapping
    Map<Label, Integer> customerCount(List<Label> page, GraphQLContext request) {
        RoaringBitmap visible = customers.visibleMembers(Scopes.of(request));
        return Batches.byKey(page, label -> label.rule() != null && label.kind() == LabelKind.RULE
                ? RoaringBitmap.andCardinality(rules.members(SegmentRule.hasLabel(label.key())), visible)
                : audience.countWithin(Attribute.LABEL, label.id(), visible));
    }

    @BatchMapping(typeName = "AppliedLabel")
    Map<Customer.AppliedLabel, Label> label(List<Customer.AppliedLabel> applied) {
        Map<String, Label> byId = labels.findAll(applied.stream().map(Customer.AppliedLabel::labelId).distinct().toList())
                .stream().collect(Collectors.toMap(Label::id, Function.identity()));
        return Batches.byKey(applied, a -> byId.get(a.labelId()));
    }

    @Override
    public String typeName() {
        return "Label";
    }

    @Override
    public Object fetch(String localId, Scope scope) {
        return labels.find(localId);
    }
}
