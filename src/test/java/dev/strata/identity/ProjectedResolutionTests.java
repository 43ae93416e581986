package dev.strata.identity;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.strata.customer.Customer;
import dev.strata.shared.Channel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resolution that reads only some fields of its customers (card visit batches) names the same live customers, with
 * the same seqs and the same values of the fields read, as one that reads them whole: across owned, unowned, new and
 * merged-away identities.
 */
class ProjectedResolutionTests extends StitchingTestSupport {

    private static final List<String> FIELDS = List.of("managerCode", "lifecycleStage");

    @Autowired
    IdentityResolver resolver;

    @Test
    void aProjectedResolutionNamesTheSameCustomersWithTheSameFieldsAsAWholeOne() {
        Instant now = Instant.now();
        String ownedId = unique("own");
        feedCustomer(unique("PR"), Map.of("identities", List.of(Map.of("channel", "WECHAT", "externalId", ownedId))));
        String visitorId = unique("vis");
        track(List.of(byIdentity("WECHAT", visitorId, "VIEW_PRODUCT", now.minusSeconds(10))));
        String survivor = feedCustomer(unique("PR"), Map.of());
        String mergedAwayId = unique("mrg");
        track(List.of(byIdentity("MINI_PROGRAM", mergedAwayId, "LOGIN", now.minusSeconds(5))));
        as(marketer).documentName("mini-program/MergeCustomers").variable("input", Map.of("survivorId", survivor,
                "mergedId", ownerOf("MINI_PROGRAM", mergedAwayId))).execute()
                .path("mergeCustomers.userErrors").entityList(Object.class).hasSize(0);

        List<Customer.ChannelIdentity> known = List.of(new Customer.ChannelIdentity(Channel.WECHAT, ownedId),
                new Customer.ChannelIdentity(Channel.WECHAT, visitorId),
                new Customer.ChannelIdentity(Channel.MINI_PROGRAM, mergedAwayId));
        Map<String, Customer> whole = resolver.resolve(known, identity -> NewProspect.WALK_IN).byKey();
        Map<String, Customer> projected = resolver.resolve(known, identity -> NewProspect.WALK_IN, FIELDS).byKey();
        assertSameCustomers(projected, whole);
        assertThat(whole.get(dev.strata.customer.IdentityClaims.key(known.get(2))).id()).isEqualTo(local(survivor));

        Customer.ChannelIdentity newcomer = new Customer.ChannelIdentity(Channel.WECHAT, unique("new"));
        IdentityResolver.Resolution created = resolver.resolve(List.of(newcomer), identity -> NewProspect.WALK_IN, FIELDS);
        assertThat(created.created()).hasSize(1);
        assertSameCustomers(created.byKey(), resolver.resolve(List.of(newcomer)));
    }

    private static void assertSameCustomers(Map<String, Customer> projected, Map<String, Customer> whole) {
        assertThat(projected.keySet()).isEqualTo(whole.keySet());
        whole.forEach((key, customer) -> {
            Customer read = projected.get(key);
            assertThat(read.id()).isEqualTo(customer.id());
            assertThat(read.seq()).isEqualTo(customer.seq());
            assertThat(read.managerCode()).isEqualTo(customer.managerCode());
            assertThat(read.lifecycleStage()).isEqualTo(customer.lifecycleStage());
            assertThat(read.mergedInto()).isNull();
        });
    }
}
