package dev.strata.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.NavigableMap;
import java.util.TreeMap;

import dev.strata.shared.Tier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Known answers of the tier rule: each threshold at, just below and just above; retention over month sequences. */
class TierRuleTests {

    private static final ScoringModel MODEL = ScoringModel.defaults(Instant.EPOCH);
    private static final YearMonth NOW = YearMonth.of(2026, 11);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"0, ORDINARY", "49999.99, ORDINARY", "50000.00, GOLD", "50000.01, GOLD", "499999.99, GOLD",
            "500000, PLATINUM", "500000.01, PLATINUM", "5999999.99, PLATINUM", "6000000, DIAMOND", "6000000.01, DIAMOND"})
    void anOrdinaryCustomerIsPlacedByTheCurrentMonthsFigure(String figure, Tier expected) {
        TierRule.Decision decision = TierRule.decide(MODEL, Tier.ORDINARY, null, new TreeMap<>(), new BigDecimal(figure), NOW);
        assertThat(decision == null ? Tier.ORDINARY : decision.to()).isEqualTo(expected);
    }

    @Test
    void theReasonSaysWhyInPlainWords() {
        TierRule.Decision decision = TierRule.decide(MODEL, Tier.ORDINARY, null, new TreeMap<>(), new BigDecimal("62310.5"), NOW);
        assertThat(decision.reason()).isEqualTo("monthly average daily deposit 62,310.50 ≥ GOLD 50,000");
    }

    @Test
    void aDipShorterThanTheRetentionThenRecoveryKeepsTheTier() {
        // GOLD since 2026-01; below the line in 09 and 10 (two closed months of three), back above in 11.
        NavigableMap<YearMonth, BigDecimal> figures = months("2026-06", 80_000, "2026-09", 30_000, "2026-10", 40_000);
        assertThat(TierRule.decide(MODEL, Tier.GOLD, YearMonth.of(2026, 1), figures, new BigDecimal(70_000), NOW)).isNull();
        assertThat(TierRule.decide(MODEL, Tier.GOLD, YearMonth.of(2026, 1), figures, new BigDecimal(10_000), NOW))
                .as("the current month's dip does not count until the month closes").isNull();
    }

    @Test
    void aDipAsLongAsTheRetentionDowngradesToTheBestTierOfTheWindow() {
        NavigableMap<YearMonth, BigDecimal> figures = months("2026-06", 800_000, "2026-08", 90_000, "2026-09", 300_000,
                "2026-10", 20_000);
        TierRule.Decision decision = TierRule.decide(MODEL, Tier.PLATINUM, YearMonth.of(2026, 1), figures,
                new BigDecimal(20_000), NOW);
        assertThat(decision.to()).isEqualTo(Tier.GOLD);
        assertThat(decision.reason()).isEqualTo("monthly average daily deposit below PLATINUM 500,000 for 3 closed months in"
                + " a row (2026-08 90,000.00, 2026-09 300,000.00, 2026-10 20,000.00)");
    }

    @Test
    void aLongDipDowngradesAndAMonthWithoutAFigureCarriesTheLastOne() {
        NavigableMap<YearMonth, BigDecimal> figures = months("2026-03", 60_000, "2026-05", 10_000);
        TierRule.Decision decision = TierRule.decide(MODEL, Tier.GOLD, YearMonth.of(2026, 2), figures, new BigDecimal(10_000),
                NOW);
        assertThat(decision.to()).isEqualTo(Tier.ORDINARY);
        assertThat(decision.reason()).contains("2026-08 10,000.00, 2026-09 10,000.00, 2026-10 10,000.00");
    }

    @Test
    void monthsBeforeTheCustomerEnteredTheTierDoNotCount() {
        NavigableMap<YearMonth, BigDecimal> figures = months("2026-08", 10_000, "2026-09", 10_000, "2026-10", 10_000);
        assertThat(TierRule.decide(MODEL, Tier.GOLD, YearMonth.of(2026, 9), figures, new BigDecimal(10_000), NOW)).isNull();
    }

    @Test
    void anUpgradeDuringRetentionTakesEffectAtOnceAndRestartsTheCount() {
        NavigableMap<YearMonth, BigDecimal> figures = months("2026-08", 30_000, "2026-09", 30_000);
        TierRule.Decision upgrade = TierRule.decide(MODEL, Tier.GOLD, YearMonth.of(2026, 1), figures, new BigDecimal(600_000),
                YearMonth.of(2026, 10));
        assertThat(upgrade.to()).isEqualTo(Tier.PLATINUM);
        // Entered PLATINUM in 2026-10; two closed months later it is still PLATINUM however low the figures.
        figures.put(YearMonth.of(2026, 10), new BigDecimal(600_000));
        figures.put(YearMonth.of(2026, 11), new BigDecimal(30_000));
        assertThat(TierRule.decide(MODEL, Tier.PLATINUM, YearMonth.of(2026, 10), figures, new BigDecimal(30_000),
                YearMonth.of(2027, 1))).isNull();
    }

    @Test
    void withoutAnyKnownFigureNothingIsDowngraded() {
        assertThat(TierRule.decide(MODEL, Tier.GOLD, null, new TreeMap<>(), null, NOW)).isNull();
    }

    private static NavigableMap<YearMonth, BigDecimal> months(Object... monthAndFigure) {
        NavigableMap<YearMonth, BigDecimal> figures = new TreeMap<>();
        for (int i = 0; i < monthAndFigure.length; i += 2) {
            figures.put(YearMonth.parse((String) monthAndFigure[i]), new BigDecimal(monthAndFigure[i + 1].toString()));
        }
        return figures;
    }
}
