package dev.strata.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Amounts in reasons are written by hand as DecimalFormat would write them, checked against it as the oracle. */
class AmountTextTests {

    @Test
    void amountsAndLinesReadAsDecimalFormatWritesThem() {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.US);
        DecimalFormat amount = new DecimalFormat("#,##0.00", symbols);
        DecimalFormat line = new DecimalFormat("#,##0.##", symbols);
        SplittableRandom random = new SplittableRandom(20261202);
        for (int i = 0; i < 20_000; i++) {
            BigDecimal value = BigDecimal.valueOf(random.nextLong(-10_000_000_000L, 10_000_000_000L), random.nextInt(5));
            if (value.abs().compareTo(new BigDecimal("0.005")) < 0) {
                continue; // DecimalFormat writes a tiny negative as "-0.00"; no balance is that.
            }
            assertThat(TierRule.amount(value)).as("amount %s", value).isEqualTo(amount.format(value));
            assertThat(TierRule.line(value)).as("line %s", value).isEqualTo(line.format(value));
        }
        assertThat(TierRule.amount(new BigDecimal("62310.5"))).isEqualTo("62,310.50");
        assertThat(TierRule.line(new BigDecimal("50000"))).isEqualTo("50,000");
        assertThat(TierRule.line(BigDecimal.ZERO)).isEqualTo("0");
    }
}
