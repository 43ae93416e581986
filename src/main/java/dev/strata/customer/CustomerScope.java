package dev.strata.customer;

import dev.strata.security.Role;
import dev.strata.security.StrataPrincipal;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * Which customers a caller may see: everyone (admin, marketer, analyst), one branch (branch manager),
 * one RM's book (relationship manager) or none. Every customer read and count goes through it.
 */
public record CustomerScope(Kind kind, String code) {

    /** The breadth of a scope. */
    public enum Kind { ALL, BRANCH, BOOK, NONE }

    static final CustomerScope NOTHING = new CustomerScope(Kind.NONE, null);

    /** The widest scope any of the caller's roles grants. */
    public static CustomerScope of(StrataPrincipal principal) {
        if (principal.has(Role.ADMIN) || principal.has(Role.MARKETER) || principal.has(Role.ANALYST)) {
            return new CustomerScope(Kind.ALL, null);
        }
        if (principal.has(Role.BRANCH_MANAGER) && principal.branchCode() != null) {
            return new CustomerScope(Kind.BRANCH, principal.branchCode());
        }
        if (principal.has(Role.RELATIONSHIP_MANAGER) && principal.managerCode() != null) {
            return new CustomerScope(Kind.BOOK, principal.managerCode());
        }
        return NOTHING;
    }

    /** The same scope as a MongoDB filter. */
    public Criteria criteria() {
        return switch (kind) {
            case ALL -> new Criteria();
            case BRANCH -> Criteria.where("branchCode").is(code);
            case BOOK -> Criteria.where("managerCode").is(code);
            case NONE -> Criteria.where("_id").in();
        };
    }

    public boolean allows(Customer customer) {
        return switch (kind) {
            case ALL -> true;
            case BRANCH -> code.equals(customer.branchCode());
            case BOOK -> code.equals(customer.managerCode());
            case NONE -> false;
        };
    }
}
