package dev.strata.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/** The one definition of which customers a caller sees and may address; lists, bitmaps and mutations all follow it. */
class ScopeTests {

    @Test
    void eachKindReachesItsCustomers() {
        assertThat(Scope.SYSTEM.reach()).isEqualTo(Scope.Reach.EVERYONE);
        assertThat(Scope.ALL.reach()).isEqualTo(Scope.Reach.EVERYONE);
        assertThat(Scope.branch("BR01").reach()).isEqualTo(Scope.Reach.BRANCH);
        assertThat(Scope.book("RM001").reach()).isEqualTo(Scope.Reach.MANAGER);
        assertThat(Scope.FEED.reach()).isEqualTo(Scope.Reach.NOBODY);
        assertThat(Scope.NONE.reach()).isEqualTo(Scope.Reach.NOBODY);
    }

    @Test
    void theSystemAndStaffWhoSeeAllSeeEveryoneEvenCustomersWithNoBranch() {
        for (Scope scope : new Scope[] {Scope.SYSTEM, Scope.ALL}) {
            assertThat(scope.sees("BR01", "RM001")).isTrue();
            assertThat(scope.sees(null, null)).isTrue();
            assertThat(scope.mayAddress(null, null)).isTrue();
        }
    }

    @Test
    void aBranchSeesItsOwnBranchOnly() {
        Scope branch = Scope.branch("BR01");
        assertThat(branch.sees("BR01", "RM001")).isTrue();
        assertThat(branch.sees("BR01", null)).isTrue();
        assertThat(branch.sees("BR02", "RM001")).isFalse();
        assertThat(branch.sees(null, "RM001")).isFalse();
        assertThat(branch.mayAddress("BR02", null)).isFalse();
    }

    @Test
    void aBookSeesItsOwnManagersCustomersOnlyWhateverTheirBranch() {
        Scope book = Scope.book("RM001");
        assertThat(book.sees("BR01", "RM001")).isTrue();
        assertThat(book.sees("BR09", "RM001")).isTrue();
        assertThat(book.sees("BR01", "RM002")).isFalse();
        assertThat(book.sees("BR01", null)).isFalse();
        assertThat(book.mayAddress("BR01", "RM002")).isFalse();
    }

    @Test
    void theFeedMayAddressAnyoneButSeesNobody() {
        assertThat(Scope.FEED.sees("BR01", "RM001")).isFalse();
        assertThat(Scope.FEED.sees(null, null)).isFalse();
        assertThat(Scope.FEED.mayAddress("BR01", "RM001")).isTrue();
        assertThat(Scope.FEED.mayAddress(null, null)).isTrue();
    }

    @Test
    void noneSeesAndAddressesNobody() {
        assertThat(Scope.NONE.sees("BR01", "RM001")).isFalse();
        assertThat(Scope.NONE.mayAddress("BR01", "RM001")).isFalse();
        assertThat(Scope.NONE.mayAddress(null, null)).isFalse();
    }

    @Test
    void aBranchOrBookScopeNeedsACode() {
        assertThatIllegalArgumentException().isThrownBy(() -> Scope.branch(null)).withMessageContaining("BRANCH");
        assertThatIllegalArgumentException().isThrownBy(() -> Scope.book(null)).withMessageContaining("BOOK");
        assertThatNullPointerException().isThrownBy(() -> new Scope(null, "BR01"));
    }

    @Test
    void scopesAreValuesComparedByKindAndCode() {
        assertThat(Scope.branch("BR01")).isEqualTo(new Scope(Scope.Kind.BRANCH, "BR01")).isNotEqualTo(Scope.branch("BR02"))
                .isNotEqualTo(Scope.book("BR01"));
    }
}
