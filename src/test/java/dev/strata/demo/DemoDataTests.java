package dev.strata.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.strata.customer.ChineseIds;
import dev.strata.shared.Channel;
import dev.strata.customer.Customer;
import dev.strata.customer.IdentityClaims;
import dev.strata.label.Label;
import dev.strata.product.Product;
import dev.strata.manager.RelationshipManager;
import dev.strata.security.Role;
import dev.strata.security.User;
import org.junit.jupiter.api.Test;

/** The demo generators produce well-formed, consistent and reproducible data. */
class DemoDataTests {

    private static final Instant NOW = Instant.parse("2026-03-15T02:00:00Z");
    private static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZoneId.of("Asia/Shanghai"));
    private static final int COUNT = 5000;

    private static List<Customer> customers(long seed, int count) {
        DemoBook book = new DemoBook(seed, NOW, TODAY);
        Map<String, Label> labels = book.labels().stream().collect(Collectors.toMap(Label::key, Function.identity()));
        DemoCustomers customers = book.customers(book.organisation().managers(), labels, book.catalogue());
        return IntStream.range(0, count).mapToObj(i -> customers.customer(i, i + 1L)).toList();
    }

    @Test
    void holdingsNameCatalogueProductsWithinEachCustomersRiskTolerance() {
        Map<String, Product> catalogue = new DemoBook(7, NOW, TODAY).catalogue().stream()
                .collect(Collectors.toMap(Product::code, Function.identity()));
        List<Customer> all = customers(7, COUNT);
        assertThat(all).allSatisfy(c -> assertThat(c.products()).allSatisfy(held -> {
            Product product = catalogue.get(held.code());
            assertThat(product).as(held.code()).isNotNull();
            assertThat(held.balance().scale()).isEqualTo(2);
            if (!product.type().equals("DEPOSIT") && !product.type().equals("LOAN")) {
                assertThat(product.suits(c.riskLevel())).as("%s holds %s", c.riskLevel(), product.risk()).isTrue();
            }
        }));
        assertThat(all.stream().filter(c -> c.products().size() > 2).count()).as("customers holding several products")
                .isGreaterThan(COUNT / 20);
    }

    @Test
    void everyPhoneIsAMobileNumberAndNoneRepeats() {
        List<Customer> all = customers(7, COUNT);
        assertThat(all).allSatisfy(c -> assertThat(ChineseIds.isMobile(c.phone())).as(c.phone()).isTrue());
        assertThat(all.stream().map(Customer::phone).distinct()).hasSize(COUNT);
        DemoOrganisation organisation = new DemoBook(7, NOW, TODAY).organisation();
        assertThat(organisation.managers()).allSatisfy(rm -> assertThat(ChineseIds.isMobile(rm.phone())).isTrue());
    }

    @Test
    void everyIdNumberIsValidEncodesTheBirthDateAndTheGender() {
        List<Customer> all = customers(7, COUNT);
        assertThat(all).allSatisfy(c -> {
            assertThat(ChineseIds.isResidentId(c.idNumber())).as(c.idNumber()).isTrue();
            assertThat(ChineseIds.birthDate(c.idNumber())).isEqualTo(c.birthDate());
            boolean odd = (c.idNumber().charAt(16) - '0') % 2 == 1;
            assertThat(c.gender()).isEqualTo(odd ? "M" : "F");
            assertThat(c.birthDate()).isBefore(TODAY.minusYears(18).plusDays(1));
        });
        assertThat(all.stream().map(Customer::idNumber).distinct()).hasSize(COUNT);
        assertThat(all.stream().map(Customer::gender).collect(Collectors.toSet())).containsExactlyInAnyOrder("M", "F");
    }

    @Test
    void theSameSeedGivesTheSameDataAndAnotherSeedOtherData() {
        List<Customer> first = customers(20261123, 500);
        assertThat(customers(20261123, 500)).isEqualTo(first);
        List<Customer> other = customers(20261124, 500);
        assertThat(other.get(0).id()).isNotEqualTo(first.get(0).id());
        assertThat(other.stream().map(Customer::idNumber).filter(first.stream().map(Customer::idNumber).toList()::contains))
                .isEmpty();
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void idsAreObjectIdShapedAndUnique() {
        List<Customer> all = customers(3, COUNT);
        assertThat(all).allSatisfy(c -> assertThat(c.id()).matches("[0-9a-f]{24}"));
        assertThat(all.stream().map(Customer::id).distinct()).hasSize(COUNT);
        assertThat(all.get(0).externalRef()).isEqualTo("C00000001");
    }

    @Test
    void aumCoversDepositsAndAmountsHaveTwoDecimals() {
        DemoBalances balances = new DemoBalances(new SplittableRandom(11));
        for (int i = 0; i < 20_000; i++) {
            Customer.AssetSummary assets = balances.assets(1.0);
            assertThat(assets.aum()).isGreaterThanOrEqualTo(assets.deposits());
            for (BigDecimal amount : List.of(assets.aum(), assets.deposits(), assets.monthlyAvgDailyDeposit(), assets.loans())) {
                assertThat(amount.scale()).isEqualTo(2);
                assertThat(amount.signum()).isGreaterThanOrEqualTo(0);
            }
            double deposits = assets.deposits().doubleValue();
            assertThat(assets.monthlyAvgDailyDeposit().doubleValue()).isBetween(deposits * 0.8 - 0.01, deposits * 1.2 + 0.01);
        }
    }

    @Test
    void depositsSpreadOverTheTiers() {
        DemoBalances balances = new DemoBalances(new SplittableRandom(5));
        int n = 20_000;
        int gold = 0;
        int platinum = 0;
        int diamond = 0;
        for (int i = 0; i < n; i++) {
            BigDecimal deposits = balances.assets(1.0).deposits();
            gold += deposits.compareTo(DemoBalances.GOLD) >= 0 ? 1 : 0;
            platinum += deposits.compareTo(DemoBalances.PLATINUM) >= 0 ? 1 : 0;
            diamond += deposits.compareTo(DemoBalances.DIAMOND) >= 0 ? 1 : 0;
        }
        assertThat(gold).isBetween(n / 6, n / 2);
        assertThat(platinum).isBetween(n / 100, n / 10).isLessThan(gold / 3);
        assertThat(diamond).isBetween(1, n / 200).isLessThan(platinum / 5);
    }

    @Test
    void customersAreConsistentWithTheOrganisationAndTheirOwnFacts() {
        DemoBook book = new DemoBook(9, NOW, TODAY);
        Map<String, String> branchOf = book.organisation().managers().stream()
                .collect(Collectors.toMap(RelationshipManager::code, RelationshipManager::branchCode));
        List<Customer> all = customers(9, COUNT);
        Set<String> openIds = new HashSet<>();
        assertThat(all).allSatisfy(c -> {
            if (c.managerCode() != null) {
                assertThat(c.branchCode()).isEqualTo(branchOf.get(c.managerCode()));
            }
            assertThat(c.branchCode()).matches("BR0[1-5]");
            assertThat(c.tier()).as("generated unscored: scoring places it on insert").isEqualTo(dev.strata.shared.Tier.ORDINARY);
            assertThat(c.riskAssessedAt() == null).isEqualTo(c.riskLevel() == null);
            assertThat(c.digital().appRegistered()).isEqualTo(c.digital().lastLoginAt() != null);
            if (c.digital().lastLoginAt() != null) {
                assertThat(c.digital().lastLoginAt()).isBefore(NOW);
            }
            c.identities().stream().filter(id -> id.externalId().startsWith("o"))
                    .forEach(id -> assertThat(openIds.add(id.externalId())).isTrue());
            assertThat(c.labels()).allSatisfy(l -> assertThat(l.source()).isEqualTo("DEMO"));
        });
        assertThat(all.stream().filter(c -> !c.labels().isEmpty()).count()).isBetween(COUNT / 20L, COUNT * 3L / 4);
        assertThat(all.stream().map(Customer::managerCode).distinct().count()).isEqualTo(21);
    }

    @Test
    void organisationHasFiveBranchesOfFourManagersAndTheDemoUsers() {
        DemoBook book = new DemoBook(1, NOW, TODAY);
        assertThat(book.organisation().branches()).extracting(b -> b.code())
                .containsExactly("BR01", "BR02", "BR03", "BR04", "BR05");
        assertThat(book.organisation().managers()).hasSize(20);
        assertThat(book.organisation().managers().get(19).code()).isEqualTo("RM020");
        assertThat(book.organisation().managers().get(4).branchCode()).isEqualTo("BR02");
        List<User> users = DemoUsers.users(book.organisation().managers(), "hash", book.userIds(), NOW);
        assertThat(users).extracting(User::username).contains("marketer", "analyst", "branch01", "rm001", "rm020", "feed");
        User rm005 = users.stream().filter(u -> u.username().equals("rm005")).findFirst().orElseThrow();
        assertThat(rm005.roles()).containsExactly(Role.RELATIONSHIP_MANAGER);
        assertThat(rm005.managerCode()).isEqualTo("RM005");
        assertThat(rm005.branchCode()).isEqualTo("BR02");
        assertThat(users).allSatisfy(u -> assertThat(u.passwordHash()).isEqualTo("hash"));
    }

    @Test
    void everyDemoCustomerIsFoundByEachOfItsIdentitiesClaimedOneWritePerBatch() {
        List<Customer> all = customers(20261123, 2 * DemoDataSeeder.BATCH + 1);
        InMemoryRegistry registry = new InMemoryRegistry();
        for (int from = 0; from < all.size(); from += DemoDataSeeder.BATCH) {
            DemoDataSeeder.claimIdentities(registry, all.subList(from, Math.min(all.size(), from + DemoDataSeeder.BATCH)));
        }
        assertThat(registry.writes).as("one claim write per batch of customers").isEqualTo(3);
        Customer visitor = all.stream().filter(c -> c.identities().stream().anyMatch(i -> i.channel() == Channel.MINI_PROGRAM))
                .findFirst().orElseThrow();
        Customer.ChannelIdentity openid = visitor.identities().stream().filter(i -> i.channel() == Channel.MINI_PROGRAM)
                .findFirst().orElseThrow();
        assertThat(registry.owners(List.of(openid))).containsExactly(Map.entry(IdentityClaims.key(openid), visitor.id()));
        assertThat(all).allSatisfy(c -> assertThat(registry.owners(c.identities()).values()).as(c.externalRef())
                .hasSize(c.identities().size()).allMatch(c.id()::equals));
        assertThat(all.stream().filter(c -> !c.identities().isEmpty()).count()).as("customers with identities")
                .isGreaterThan(all.size() / 10L);
        assertThat(registry.taken).as("identities two demo customers share").isEmpty();
    }

    /** The identity registry's contract in memory: the first claim of a key wins; counts its writes. */
    private static final class InMemoryRegistry implements IdentityClaims {

        final Map<String, String> owners = new HashMap<>();
        final List<String> taken = new ArrayList<>();
        int writes;

        @Override
        public Map<String, String> owners(Collection<Customer.ChannelIdentity> identities) {
            Map<String, String> found = new HashMap<>();
            identities.forEach(i -> {
                String owner = owners.get(IdentityClaims.key(i));
                if (owner != null) {
                    found.put(IdentityClaims.key(i), owner);
                }
            });
            return found;
        }

        @Override
        public Set<String> claimAll(Map<Customer.ChannelIdentity, String> claims) {
            writes++;
            Set<String> refused = new HashSet<>();
            claims.forEach((identity, customerId) -> {
                if (owners.putIfAbsent(IdentityClaims.key(identity), customerId) != null) {
                    refused.add(IdentityClaims.key(identity));
                }
            });
            taken.addAll(refused);
            return refused;
        }
    }
}
