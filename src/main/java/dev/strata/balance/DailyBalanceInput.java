package dev.strata.balance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** One end-of-day balance of {@code recordDailyBalances}, as the core-banking feed sends it. */
public record DailyBalanceInput(String externalRef, LocalDate date, BigDecimal deposits, BigDecimal aum) {

    /** Input of {@code recordDailyBalances}. */
    public record Batch(List<DailyBalanceInput> entries) {
    }
}
