package dev.strata.graphql;

import java.util.List;

/**
 * An expected failure returned in a mutation payload (Shopify's userErrors convention). The factories
 * are the one answer per kind of failure every mutation gives; the README lists them.
 */
public record UserError(List<String> field, String message, String code) {

    public static final String INVALID_ID = "INVALID_ID";
    public static final String NOT_FOUND = "NOT_FOUND";
    public static final String TOO_MANY_ITEMS = "TOO_MANY_ITEMS";
    public static final String INVALID = "INVALID";

    public static UserError of(String code, String message, String... field) {
        return new UserError(List.of(field), message, code);
    }

    /** An ID that does not decode, or names another type of entity. */
    public static UserError invalidId(String... field) {
        return of(INVALID_ID, "not a valid ID", field);
    }

    /** No such entity, or one outside the caller's scope: the two answer alike, so nothing leaks. */
    public static UserError notFound(String what, String... field) {
        return of(NOT_FOUND, "no such " + what, field);
    }

    /** A list longer than the operation takes: refused whole, nothing was done. */
    public static UserError tooMany(int max, String... field) {
        return of(TOO_MANY_ITEMS, "at most " + max + " items per call; nothing was done", field);
    }

    /** A value that breaks a rule of its field. */
    public static UserError invalid(String message, String... field) {
        return of(INVALID, message, field);
    }
}
