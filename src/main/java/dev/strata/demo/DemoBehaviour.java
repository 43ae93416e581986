package dev.strata.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import dev.strata.balance.BalanceHistory;
import dev.strata.balance.BalanceMonth;
import dev.strata.customer.Customer;
import dev.strata.event.Event;
import dev.strata.label.Label;

/**
 * Adds what a customer did to a generated portrait: their events of the last 90 days, the RULE labels those put them
 * in and (for small demos) their daily balances, and writes the portrait to match (recent events, last login, labels,
 * monthly averages) before it is stored.
 */
final class DemoBehaviour {

    private static final int RECENT = Customer.RecentEvent.KEPT;

    private final DemoActivity activity;
    private final DemoDailyBalances balances;
    private final List<Label> ruleLabels;
    private final Instant now;
    private final LocalDate today;
    private final ZoneId zone;

    /** A portrait as it is stored, with the events and balance months stored beside it. */
    record Enriched(Customer customer, List<Event> events, List<BalanceMonth> months) {
    }

    DemoBehaviour(DemoActivity activity, DemoDailyBalances balances, List<Label> ruleLabels, Instant now, LocalDate today,
            ZoneId zone) {
        this.activity = activity;
        this.balances = balances;
        this.ruleLabels = ruleLabels;
        this.now = now;
        this.today = today;
        this.zone = zone;
    }

    /** {@code withBalances}: also draw daily balances (their month documents cost memory; big demos skip them). */
    Enriched enrich(Customer c, boolean withBalances) {
        int age = Period.between(c.birthDate(), today).getYears();
        DemoActivity.Activity done = activity.of(c, age);
        List<Customer.RecentEvent> recent = done.events().stream().limit(RECENT)
                .map(Event::onPortrait).toList();
        List<Customer.AppliedLabel> labels = new ArrayList<>(c.labels());
        labels.addAll(DemoRuleLabels.carried(ruleLabels, c, new DemoRuleLabels.Behaviour(done.events(), today, zone)));
        List<BalanceMonth> months = List.of();
        List<Customer.MonthlyBalance> averages = c.balanceMonths();
        if (withBalances) {
            BalanceHistory.Months history = BalanceHistory.months(c.id(), balances.days(c.assets(), today), today, now);
            months = history.months();
            averages = history.balanceMonths();
        }
        var digital = new Customer.DigitalEngagement(c.digital().appRegistered(), c.digital().miniProgramBound(),
                done.lastLoginAt());
        Customer customer = new Customer(c.id(), c.seq(), c.externalRef(), c.name(), c.gender(), c.birthDate(), c.phone(),
                c.idNumber(), c.source(), c.lifecycleStage(), c.riskLevel(), c.riskAssessedAt(), c.branchCode(),
                c.managerCode(), c.assets(), digital, c.consents(), c.identities(), List.copyOf(labels), c.products(),
                c.tier(), c.tierHistory(), c.value(), c.preferredChannel(), averages, recent, c.recentTouchpoints(),
                c.referredBy(), c.referralCount(), c.mergedInto(), c.contentHash(), c.createdAt(), c.updatedAt(),
                c.economics(), c.scoring());
        return new Enriched(customer, done.events(), months);
    }
}
