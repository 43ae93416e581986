package dev.strata.security;

import java.util.Set;

/** Who is calling, as carried in their token: name, roles and the branch or RM book they are bound to. */
public record StrataPrincipal(String username, Set<Role> roles, String branchCode, String managerCode) {

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
