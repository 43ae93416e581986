package dev.strata.identity;

import java.util.List;

import dev.strata.shared.Channel;
import dev.strata.customer.Customer;
import dev.strata.graphql.UserError;

/** Inputs and payloads of the identity-stitching mutations. */
final class IdentityInputs {

    private IdentityInputs() {
    }

    /** Input of {@code linkIdentity}. */
    record LinkIdentityInput(String customerId, Channel channel, String externalId) {
    }

    /** Payload of {@code linkIdentity}. */
    record LinkIdentityPayload(Customer customer, List<UserError> userErrors) {
        static LinkIdentityPayload error(UserError error) {
            return new LinkIdentityPayload(null, List.of(error));
        }
    }

    /** Input of {@code mergeCustomers}. */
    record MergeCustomersInput(String survivorId, String mergedId) {
    }

    /** Payload of {@code mergeCustomers}. */
    record MergeCustomersPayload(Customer survivor, List<UserError> userErrors) {
        static MergeCustomersPayload error(UserError error) {
            return new MergeCustomersPayload(null, List.of(error));
        }
    }
}
