package dev.strata.customer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.strata.shared.Channel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** The union rules of a merge, without the server. */
class MergedPortraitTests {

    private static final Instant T = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void theMostRecentlyUpdatedConsentPerChannelWinsAndTheSurvivorWinsTies() {
        var survivor = List.of(new Customer.Consent(Channel.SMS, true, T), new Customer.Consent(Channel.EMAIL, true, T));
        var merged = List.of(new Customer.Consent(Channel.SMS, false, T.plusSeconds(1)),
                new Customer.Consent(Channel.EMAIL, false, T), new Customer.Consent(Channel.WECHAT, true, null));
        assertThat(MergedPortrait.consents(survivor, merged)).containsExactly(
                new Customer.Consent(Channel.SMS, false, T.plusSeconds(1)), new Customer.Consent(Channel.EMAIL, true, T),
                new Customer.Consent(Channel.WECHAT, true, null));
    }

    @Test
    void labelsUniteByLabelKeepingTheSurvivorsApplication() {
        var survivor = List.of(new Customer.AppliedLabel("L1", "vip", T, "MANUAL:a"));
        var merged = List.of(new Customer.AppliedLabel("L1", "vip", T.plusSeconds(5), "MANUAL:b"),
                new Customer.AppliedLabel("L2", "fund", T, "RULE"));
        assertThat(MergedPortrait.union(survivor, merged, Customer.AppliedLabel::labelId))
                .extracting(Customer.AppliedLabel::labelId, Customer.AppliedLabel::source)
                .containsExactly(tuple("L1", "MANUAL:a"), tuple("L2", "RULE"));
    }

    @Test
    void recentEventsOfBothKeepTheNewestTwentyNewestFirst() {
        List<Customer.RecentEvent> survivor = new ArrayList<>();
        List<Customer.RecentEvent> merged = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            survivor.add(new Customer.RecentEvent("s" + i, "LOGIN", Channel.APP_PUSH, T.plusSeconds(2L * i)));
            merged.add(new Customer.RecentEvent("m" + i, "LIKE", Channel.WECHAT, T.plusSeconds(2L * i + 1)));
        }
        var newest = MergedPortrait.newest(MergedPortrait.union(survivor, merged, Customer.RecentEvent::eventId),
                Customer.RecentEvent::occurredAt);
        assertThat(newest).hasSize(20).first().extracting(Customer.RecentEvent::eventId).isEqualTo("m14");
        assertThat(newest).extracting(Customer.RecentEvent::occurredAt).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void theSurvivorIsNeverReferredByItselfOrByTheRecordItAbsorbed() {
        assertThat(MergedPortrait.referredBy(customer("S", null), customer("M", "R"))).isEqualTo("R");
        assertThat(MergedPortrait.referredBy(customer("S", "Q"), customer("M", "R"))).isEqualTo("Q");
        assertThat(MergedPortrait.referredBy(customer("S", "M"), customer("M", "S"))).isNull();
    }

    private static Customer customer(String id, String referredBy) {
        return new Customer(id, 1, null, "x", null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, referredBy, 0, null, null, T, T, null, null);
    }
}
