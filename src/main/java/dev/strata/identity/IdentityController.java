package dev.strata.identity;

import dev.strata.customer.Channel;
import dev.strata.customer.Customer;
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
    Customer customerByIdentity(@Argument Channel channel, @Argument String externalId) {
        return identities.customerByIdentity(channel, externalId);
    }

    @MutationMapping
    IdentityInputs.LinkIdentityPayload linkIdentity(@Argument IdentityInputs.LinkIdentityInput input) {
        return identities.link(input);
    }

    @MutationMapping
    IdentityInputs.MergeCustomersPayload mergeCustomers(@Argument IdentityInputs.MergeCustomersInput input) {
        return merger.merge(input);
    }
}
