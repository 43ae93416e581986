package dev.strata.customer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.strata.graphql.GlobalId;
import dev.strata.graphql.UserError;
import dev.strata.shared.Scope;
import org.springframework.stereotype.Component;

/**
 * Turns the customer IDs a mutation names into live customers, with the same answer for every
 * mutation: INVALID_ID for an ID that does not decode, NOT_FOUND for one that is unknown or outside
 * the caller's scope (alike, so a mutation never tells whether a customer exists).
 */
@Component
public class CustomerRefs {

    static final String TYPE = "Customer";

    private final LiveCustomers live;

    CustomerRefs(LiveCustomers live) {
        this.live = live;
    }

    /** One named customer, or the user error that stands for it. */
    public record Resolved(Customer customer, UserError userError) {
    }

    /** Several named customers, in order, and a user error (with its index in the field path) per bad ID. */
    public record ResolvedList(List<Customer> customers, List<UserError> userErrors) {
    }

    public Resolved forChange(String globalId, Scope scope, String... field) {
        ResolvedList resolved = forChange(java.util.Arrays.asList(globalId), scope, field, false);
        return new Resolved(resolved.customers().isEmpty() ? null : resolved.customers().get(0),
                resolved.userErrors().isEmpty() ? null : resolved.userErrors().get(0));
    }

    public ResolvedList forChange(List<String> globalIds, Scope scope, String... field) {
        return forChange(globalIds, scope, field, true);
    }

    private ResolvedList forChange(List<String> globalIds, Scope scope, String[] field, boolean indexed) {
        Map<Integer, String> localIds = new LinkedHashMap<>();
        List<UserError> errors = new ArrayList<>();
        for (int i = 0; i < globalIds.size(); i++) {
            String localId = GlobalId.localIdOrNull(globalIds.get(i), TYPE);
            if (localId == null) {
                errors.add(UserError.invalidId(path(field, indexed, i)));
            } else {
                localIds.put(i, localId);
            }
        }
        Map<String, Customer> found = localIds.isEmpty() ? Map.of() : live.resolveUnscoped(localIds.values());
        List<Customer> customers = new ArrayList<>();
        localIds.forEach((i, id) -> {
            Customer customer = found.get(id);
            if (customer != null && CustomerService.allows(scope, customer)) {
                customers.add(customer);
            } else {
                errors.add(UserError.notFound("customer", path(field, indexed, i)));
            }
        });
        return new ResolvedList(customers, errors);
    }

    private static String[] path(String[] field, boolean indexed, int index) {
        return indexed ? Stream.concat(Stream.of(field), Stream.of(String.valueOf(index))).toArray(String[]::new) : field;
    }
}
