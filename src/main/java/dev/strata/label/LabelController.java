package dev.strata.label;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.strata.customer.Customer;
import dev.strata.customer.CustomerLabels;
import dev.strata.graphql.Batches;
import dev.strata.graphql.Connection;
import dev.strata.graphql.GlobalId;
import dev.strata.graphql.NodeFetcher;
import dev.strata.graphql.Paging;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** GraphQL entry to labels and to the labels on a customer. */
@Controller
class LabelController implements NodeFetcher {

    private final LabelService labels;
    private final CustomerLabels customerLabels;

    LabelController(LabelService labels, CustomerLabels customerLabels) {
        this.labels = labels;
        this.customerLabels = customerLabels;
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
    LabelService.ChangeResult applyLabel(@Argument LabelInputs.LabelCustomersInput input) {
        return labels.apply(input);
    }

    @MutationMapping
    LabelService.ChangeResult removeLabel(@Argument LabelInputs.LabelCustomersInput input) {
        return labels.remove(input);
    }

    /** Counted for a whole page of labels in one aggregation, within the viewer's scope. */
    @BatchMapping
    List<Integer> customerCount(List<Label> page) {
        Map<String, Integer> counts = customerLabels.countByLabel(page.stream().map(Label::id).toList());
        return page.stream().map(l -> counts.getOrDefault(l.id(), 0)).toList();
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
    public Object fetch(String localId) {
        return labels.find(localId);
    }
}
