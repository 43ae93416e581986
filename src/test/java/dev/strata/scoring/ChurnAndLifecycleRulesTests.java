package dev.strata.scoring;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import dev.strata.customer.Customer;
import dev.strata.shared.LifecycleStage;
import dev.strata.shared.Tier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Churn risk and lifecycle stage on hand-made histories. */
class ChurnAndLifecycleRulesTests {

    private static final Instant NOW = Instant.parse("2026-11-24T02:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final ScoringModel MODEL = ScoringModel.defaults(Instant.EPOCH);
    private static final Catalogue CATALOGUE = Catalogue.of(List.of());

    @Test
    void anActiveLongStandingCustomerIsMatureWithLowChurnRisk() {
        Engine.Result r = score(facts(List.of("DEP"), LocalDate.of(2020, 1, 1), ago(2), ago(1), 1, months("2026-08", 100_000),
                "100000"));
        assertThat(r.scores().churnRisk()).isEqualTo(0.0);
        assertThat(r.stageNow()).isEqualTo(LifecycleStage.MATURE);
    }

    @Test
    void fallingDepositsClosedProductsAndSilenceRaiseChurnRiskAndTheStageDeclines() {
        // Deposits fell from 100,000 to 40,000 over three months (a 60% fall: full marks), one of two products closed,
        // last login 100 days ago, last event 70 days ago.
        Engine.Result r = score(facts(List.of("DEP"), LocalDate.of(2020, 1, 1), ago(100), ago(70), 2,
                months("2026-08", 100_000), "40000"));
        // 0.20 x 1 (deposits) + 0.25 x 0.8 (login 91-180 days) + 0.15 x 0.5 (one closed) + 0.15 x 0.6 (silence 61-90 days)
        assertThat(r.scores().churnRisk()).isEqualTo(56.5);
        assertThat(r.stageNow()).isEqualTo(LifecycleStage.DECLINING);
        assertThat(r.churnHigh()).isFalse();
    }

    @Test
    void lifecycleRulesOnHandMadeHistories() {
        assertThat(score(facts(List.of(), null, null, null, 0, List.of(), "0")).stageNow()).isEqualTo(LifecycleStage.PROSPECT);
        assertThat(score(facts(List.of(), LocalDate.of(2020, 1, 1), ago(3), null, 2, List.of(), "500")).stageNow())
                .as("held products, holds none now").isEqualTo(LifecycleStage.CHURNED);
        assertThat(score(facts(List.of("DEP"), LocalDate.of(2020, 1, 1), ago(200), ago(190), 1, List.of(), "50")).stageNow())
                .isEqualTo(LifecycleStage.CHURNED);
        assertThat(score(facts(List.of("DEP"), LocalDate.of(2020, 1, 1), ago(200), ago(190), 1, List.of(), "5000")).stageNow())
                .isEqualTo(LifecycleStage.DORMANT);
        assertThat(score(facts(List.of("DEP"), LocalDate.of(2026, 9, 1), ago(2), null, 1, List.of(), "5000")).stageNow())
                .isEqualTo(LifecycleStage.NEW);
        assertThat(score(facts(List.of("DEP"), LocalDate.of(2025, 9, 1), ago(2), null, 1, List.of(), "5000")).stageNow())
                .as("under two years").isEqualTo(LifecycleStage.GROWING);
        assertThat(score(facts(List.of("DEP"), LocalDate.of(2020, 1, 1), null, null, 1, months("2026-08", 10_000), "12000"))
                .stageNow()).as("deposits up 20%, no activity signal at all").isEqualTo(LifecycleStage.GROWING);
    }

    private static Engine.Result score(Facts f) {
        return Engine.score(f, MODEL, NOW, ZONE, CATALOGUE);
    }

    private static Instant ago(int days) {
        return NOW.minus(Duration.ofDays(days));
    }

    private static List<Customer.DepositMonth> months(String month, long figure) {
        return List.of(new Customer.DepositMonth(month, BigDecimal.valueOf(figure)));
    }

    private static Facts facts(List<String> products, LocalDate opened, Instant login, Instant event, int peak,
            List<Customer.DepositMonth> history, String current) {
        BigDecimal amount = new BigDecimal(current);
        return new Facts("c1", 1, LocalDate.of(1985, 5, 5), amount, amount, amount, BigDecimal.ZERO, null, null, null,
                login != null, false, login, products, opened,
                opened == null ? Instant.parse("2019-01-01T00:00:00Z") : opened.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), Tier.ORDINARY, null,
                Customer.CustomerValue.UNSCORED, LifecycleStage.NEW, false, history, List.of(), event, peak, false);
    }
}
