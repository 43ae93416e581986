package dev.strata.card;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.strata.customer.Customer;
import dev.strata.customer.CustomerService;
import graphql.GraphQLContext;

/**
 * The customers a radar page names, read once per request: the visitor's portrait, their (masked) name and a possible
 * match are separate fields, and each would otherwise read the same page of portraits again.
 */
final class PageCustomers {

    private static final String KEY = PageCustomers.class.getName();

    private PageCustomers() {
    }

    /** The customers with these IDs (absent ones left out), read only if this request has not read them yet. */
    static Map<String, Customer> of(CustomerService customers, GraphQLContext context, Collection<String> ids) {
        Map<String, Customer> known = context.computeIfAbsent(KEY, key -> new ConcurrentHashMap<String, Customer>());
        List<String> missing = ids.stream().filter(id -> !known.containsKey(id)).distinct().toList();
        if (!missing.isEmpty()) {
            known.putAll(customers.byIdUnscoped(missing));
        }
        return known;
    }
}
