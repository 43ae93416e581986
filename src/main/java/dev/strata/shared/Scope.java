package dev.strata.shared;

import java.util.Objects;

/**
 * Which customers a caller may see, computed once per request from the viewer and passed to every
 * service; background jobs pass {@link #SYSTEM}. The one definition of visibility: Mongo criteria,
 * in-memory checks and audience bitmaps all follow {@link #reach()}.
 *
 * @param kind who the caller is, as far as data goes
 * @param code the branch code (BRANCH) or RM code (BOOK); null otherwise
 */
public record Scope(Kind kind, String code) {

    /** Kinds of caller. */
    public enum Kind {
        /** A background job: every customer, nobody to mask for. */
        SYSTEM,
        /** Admin, marketer, analyst: every customer. */
        ALL,
        /** Branch manager: the customers of one branch. */
        BRANCH,
        /** Relationship manager: their own book. */
        BOOK,
        /** The core-banking feed: may address any customer it names, but lists and counts nobody. */
        FEED,
        /** Anyone else (a customer, a user bound to nothing): nobody. */
        NONE
    }

    /** What a scope restricts customers by. */
    public enum Reach { EVERYONE, BRANCH, MANAGER, NOBODY }

    public static final Scope SYSTEM = new Scope(Kind.SYSTEM, null);
    public static final Scope ALL = new Scope(Kind.ALL, null);
    public static final Scope FEED = new Scope(Kind.FEED, null);
    public static final Scope NONE = new Scope(Kind.NONE, null);

    public Scope {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.BRANCH || kind == Kind.BOOK) && code == null) {
            throw new IllegalArgumentException(kind + " scope needs a code");
        }
    }

    public static Scope branch(String branchCode) {
        return new Scope(Kind.BRANCH, branchCode);
    }

    public static Scope book(String managerCode) {
        return new Scope(Kind.BOOK, managerCode);
    }

    /** Which customers lists and counts contain. */
    public Reach reach() {
        return switch (kind) {
            case SYSTEM, ALL -> Reach.EVERYONE;
            case BRANCH -> Reach.BRANCH;
            case BOOK -> Reach.MANAGER;
            case FEED, NONE -> Reach.NOBODY;
        };
    }

    /** Whether a customer is among those the caller sees: in lists and counts, and when read by ID. */
    public boolean sees(String branchCode, String managerCode) {
        return switch (reach()) {
            case EVERYONE -> true;
            case BRANCH -> code.equals(branchCode);
            case MANAGER -> code.equals(managerCode);
            case NOBODY -> false;
        };
    }

    /**
     * Whether the caller may address a customer it names itself (by core-banking reference, channel
     * identity, or in a mutation): whoever it sees, and for the feed any customer.
     */
    public boolean mayAddress(String branchCode, String managerCode) {
        return kind == Kind.FEED || sees(branchCode, managerCode);
    }
}
