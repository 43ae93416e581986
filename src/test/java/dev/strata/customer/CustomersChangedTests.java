package dev.strata.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** A change notice says which paths it wrote, so a listener skips only changes that cannot concern it. */
class CustomersChangedTests {

    private static final List<String> INDEXED = List.of("tier", "digital", "value");

    @Test
    void aChangeOfNamedFieldsTouchesTheListenersOfThoseFieldsTheirParentsAndTheirChildren() {
        assertThat(CustomersChanged.of(List.of("c1"), Set.of("recentEvents", "updatedAt")).touchesAny(INDEXED)).isFalse();
        assertThat(CustomersChanged.of(List.of("c1"), Set.of("recentEvents", "digital.lastLoginAt")).touchesAny(INDEXED))
                .as("a path inside a listened field").isTrue();
        assertThat(CustomersChanged.of(List.of("c1"), Set.of("value")).touchesAny(List.of("value.quadrant")))
                .as("a field holding a listened path").isTrue();
        assertThat(CustomersChanged.of(List.of("c1"), Set.of("tierHistory")).touchesAny(INDEXED))
                .as("a name that merely starts like a listened one").isFalse();
    }

    @Test
    void aChangeThatNamesNoFieldsTouchesEveryone() {
        assertThat(CustomersChanged.of(List.of("c1")).touchesAny(INDEXED)).isTrue();
        assertThat(CustomersChanged.of(List.of("c1"), List.of()).touchesAny(List.of("anything"))).isTrue();
    }
}
