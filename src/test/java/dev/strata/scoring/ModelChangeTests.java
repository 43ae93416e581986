package dev.strata.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import dev.strata.graphql.UserError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Model validation: thresholds strictly ascending, weights non-negative and not all zero, cut-offs in range; all or nothing. */
class ModelChangeTests {

    private static final ScoringModel V1 = ScoringModel.defaults(Instant.EPOCH);
    private static final Instant NOW = Instant.parse("2026-11-24T01:00:00Z");

    @Test
    void aValidChangeIsTheNextVersionAndKeepsWhatItLeavesOut() {
        ModelChange.Result result = ModelChange.apply(V1, input(new BigDecimal(40_000), null, null, 2, null, 45.0, null, null),
                NOW, "admin");
        assertThat(result.userErrors()).isEmpty();
        assertThat(result.model().version()).isEqualTo(2);
        assertThat(result.model().goldThreshold()).isEqualByComparingTo("40000");
        assertThat(result.model().platinumThreshold()).isEqualByComparingTo("500000");
        assertThat(result.model().retentionMonths()).isEqualTo(2);
        assertThat(result.model().currentValueCutoff()).isEqualTo(45.0);
        assertThat(result.model().weights()).isEqualTo(V1.weights());
        assertThat(result.model().createdBy()).isEqualTo("admin");
    }

    @Test
    void thresholdsMustBeStrictlyAscending() {
        assertThat(fields(input(new BigDecimal(500_000), null, null, null, null, null, null, null)))
                .containsExactly(List.of("platinumThreshold"));
        assertThat(fields(input(null, null, new BigDecimal(500_000), null, null, null, null, null)))
                .containsExactly(List.of("diamondThreshold"));
        assertThat(fields(input(BigDecimal.ZERO, null, null, null, null, null, null, null))).contains(List.of("goldThreshold"));
    }

    @Test
    void weightsMustBeNonNegativeKnownAndNotAllZero() {
        assertThat(fields(input(null, null, null, null, List.of(new ModelChange.WeightInput("FEE_INCOME", -0.1)), null, null,
                null))).containsExactly(List.of("weights", "0", "weight"));
        assertThat(fields(input(null, null, null, null, List.of(new ModelChange.WeightInput("NOPE", 1.0)), null, null, null)))
                .containsExactly(List.of("weights", "0", "indicator"));
        List<ModelChange.WeightInput> zeroes = List.of(new ModelChange.WeightInput("CURRENT", 0.0),
                new ModelChange.WeightInput("POTENTIAL", 0.0));
        assertThat(fields(input(null, null, null, null, zeroes, null, null, null))).containsExactly(List.of("weights"));
    }

    @Test
    void cutoffsMustBeWithin0And100AndEveryErrorIsReportedWithNothingBuilt() {
        ModelChange.Result result = ModelChange.apply(V1, input(new BigDecimal(600_000), null, null, 30, null, 101.0, -1.0,
                Double.NaN), NOW, "admin");
        assertThat(result.model()).isNull();
        assertThat(result.userErrors()).extracting(UserError::field).containsExactlyInAnyOrder(List.of("platinumThreshold"),
                List.of("retentionMonths"), List.of("currentValueCutoff"), List.of("potentialValueCutoff"),
                List.of("churnRiskThreshold"));
        assertThat(result.userErrors()).extracting(UserError::code).containsOnly(UserError.INVALID);
    }

    private static List<List<String>> fields(ModelChange.Input input) {
        ModelChange.Result result = ModelChange.apply(V1, input, NOW, "admin");
        assertThat(result.model()).isNull();
        return result.userErrors().stream().map(UserError::field).toList();
    }

    private static ModelChange.Input input(BigDecimal gold, BigDecimal platinum, BigDecimal diamond, Integer retention,
            List<ModelChange.WeightInput> weights, Double current, Double potential, Double churn) {
        return new ModelChange.Input(gold, platinum, diamond, retention, weights, current, potential, churn);
    }
}
