package dev.strata.graphql;

import java.util.List;

/** An expected failure returned in a mutation payload (Shopify's userErrors convention). */
public record UserError(List<String> field, String message, String code) {

    public static UserError of(String code, String message, String... field) {
        return new UserError(List.of(field), message, code);
    }
}
