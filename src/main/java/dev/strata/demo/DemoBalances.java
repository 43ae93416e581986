package dev.strata.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;

import dev.strata.customer.Customer;
import dev.strata.shared.Tier;

/** Draws log-normal balances in CNY so that each value tier holds a realistic share of the demo customers. */
final class DemoBalances {

    static final BigDecimal GOLD = BigDecimal.valueOf(50_000);
    static final BigDecimal PLATINUM = BigDecimal.valueOf(500_000);
    static final BigDecimal DIAMOND = BigDecimal.valueOf(6_000_000);

    /** Median 15,000 and sigma 2: about a quarter reach GOLD, 4% PLATINUM, 0.1-0.2% DIAMOND. */
    private static final double DEPOSIT_MEDIAN = 15_000;
    private static final double DEPOSIT_SIGMA = 2.0;

    private final SplittableRandom random;

    DemoBalances(SplittableRandom random) {
        this.random = random;
    }

    /**
     * Deposits, AUM (deposits plus any investments, so never below deposits), a monthly average within a
     * few percent of the deposits, and a loan for about a fifth. {@code scale} shrinks everything for
     * prospects and customers who are leaving.
     */
    Customer.AssetSummary assets(double scale) {
        double deposits = logNormal(DEPOSIT_MEDIAN, DEPOSIT_SIGMA) * scale;
        double investing = deposits >= 50_000 ? 0.6 : 0.3;
        double investments = random.nextDouble() < investing ? deposits * logNormal(1.0, 0.8) : 0;
        double monthlyAverage = deposits * Math.max(0.8, Math.min(1.2, 1 + 0.05 * random.nextGaussian()));
        return new Customer.AssetSummary(money(deposits + investments), money(deposits), money(monthlyAverage), money(loan()));
    }

    /** The tier the default thresholds give a monthly average daily deposit. */
    static Tier tier(BigDecimal monthlyAvgDailyDeposit) {
        if (monthlyAvgDailyDeposit.compareTo(DIAMOND) >= 0) {
            return Tier.DIAMOND;
        }
        if (monthlyAvgDailyDeposit.compareTo(PLATINUM) >= 0) {
            return Tier.PLATINUM;
        }
        return monthlyAvgDailyDeposit.compareTo(GOLD) >= 0 ? Tier.GOLD : Tier.ORDINARY;
    }

    /** Two in five loans are mortgages, the rest consumer loans; most customers have none. */
    private double loan() {
        if (random.nextDouble() >= 0.22) {
            return 0;
        }
        return random.nextDouble() < 0.4 ? logNormal(600_000, 0.6) : logNormal(50_000, 0.8);
    }

    private double logNormal(double median, double sigma) {
        return median * Math.exp(sigma * random.nextGaussian());
    }

    private static BigDecimal money(double amount) {
        return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP);
    }
}
