package dev.strata.security;

/** What a user may do; each maps to a Spring Security authority {@code ROLE_<name>}. */
public enum Role {
    ADMIN, MARKETER, BRANCH_MANAGER, RELATIONSHIP_MANAGER, ANALYST, SERVICE, CUSTOMER;

    public String authority() {
        return "ROLE_" + name();
    }
}
