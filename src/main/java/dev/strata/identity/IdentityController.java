package dev.strata.identity;

import dev.strata.shared.Channel;
import dev.strata.customer.Customer;
import dev.strata.shared.Scope;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** GraphQL entry to identity stitching: look-up by channel identity, linking, and merging duplicates. */
@Controller
class IdentityController {

    private final IdentityService identities;
    private final CustomerMerger merger;

    IdentityController(IdentityService identities, CustomerMerger merger) {
        this.identities = identities;
        this.merger = merger;
    }

    @QueryMapping
    Customer customerByIdentity(@Argument Channel channel, @Argument String externalId, Scope scope) {
        return identities.customerByIdentity(channel, externalId, scope);
    }

    @MutationMapping
    IdentityInputs.LinkIdentityPayload linkIdentity(@Argument IdentityInputs.LinkIdentityInput input, Scope scope) {
        return identities.link(input, scope);
    }

    @MutationMapping
    IdentityInputs.MergeCustomersPayload mergeCustomers(@Argument IdentityInputs.MergeCustomersInput input, Scope scope) {
        return merger.merge(input, scope);
    }
}
