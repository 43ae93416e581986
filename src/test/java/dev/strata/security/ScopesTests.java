package dev.strata.security;

import java.util.Set;
import java.util.stream.Stream;

import dev.strata.shared.Scope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Roles turn into data scope in one place only, so every role and every combination is pinned down here. */
class ScopesTests {

    private static StrataPrincipal principal(String branch, String manager, Role... roles) {
        return new StrataPrincipal("someone", Set.of(roles), branch, manager);
    }

    static Stream<Arguments> singleRoles() {
        return Stream.of(
                Arguments.of(Role.ADMIN, Scope.ALL),
                Arguments.of(Role.MARKETER, Scope.ALL),
                Arguments.of(Role.ANALYST, Scope.ALL),
                Arguments.of(Role.BRANCH_MANAGER, Scope.branch("BR01")),
                Arguments.of(Role.RELATIONSHIP_MANAGER, Scope.book("RM001")),
                Arguments.of(Role.SERVICE, Scope.FEED),
                Arguments.of(Role.CUSTOMER, Scope.NONE));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("singleRoles")
    void eachRoleGrantsItsScope(Role role, Scope expected) {
        assertThat(Scopes.of(principal("BR01", "RM001", role))).isEqualTo(expected);
    }

    @Test
    void aBranchManagerBoundToNoBranchSeesNobody() {
        assertThat(Scopes.of(principal(null, null, Role.BRANCH_MANAGER))).isEqualTo(Scope.NONE);
    }

    @Test
    void aRelationshipManagerBoundToNoBookSeesNobody() {
        assertThat(Scopes.of(principal("BR01", null, Role.RELATIONSHIP_MANAGER))).isEqualTo(Scope.NONE);
    }

    @Test
    void aUserWithNoRolesSeesNobody() {
        assertThat(Scopes.of(principal("BR01", "RM001"))).isEqualTo(Scope.NONE);
    }

    @Test
    void aRoleThatSeesEveryoneWinsOverANarrowerOne() {
        assertThat(Scopes.of(principal("BR01", "RM001", Role.RELATIONSHIP_MANAGER, Role.MARKETER))).isEqualTo(Scope.ALL);
        assertThat(Scopes.of(principal("BR01", null, Role.BRANCH_MANAGER, Role.ANALYST))).isEqualTo(Scope.ALL);
        assertThat(Scopes.of(principal(null, null, Role.SERVICE, Role.ADMIN))).isEqualTo(Scope.ALL);
    }

    @Test
    void aBranchWinsOverABookWithinIt() {
        assertThat(Scopes.of(principal("BR01", "RM001", Role.RELATIONSHIP_MANAGER, Role.BRANCH_MANAGER)))
                .isEqualTo(Scope.branch("BR01"));
    }

    @Test
    void anUnboundBranchManagerRoleFallsBackToTheBookTheUserHas() {
        assertThat(Scopes.of(principal(null, "RM001", Role.BRANCH_MANAGER, Role.RELATIONSHIP_MANAGER)))
                .isEqualTo(Scope.book("RM001"));
    }

    @Test
    void staffWhoAlsoFeedKeepTheirStaffScopeAndACustomerRoleAddsNothing() {
        assertThat(Scopes.of(principal(null, "RM001", Role.RELATIONSHIP_MANAGER, Role.SERVICE))).isEqualTo(Scope.book("RM001"));
        assertThat(Scopes.of(principal(null, "RM001", Role.RELATIONSHIP_MANAGER, Role.CUSTOMER))).isEqualTo(Scope.book("RM001"));
        assertThat(Scopes.of(principal(null, null, Role.SERVICE, Role.CUSTOMER))).isEqualTo(Scope.FEED);
    }
}
