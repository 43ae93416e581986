package dev.strata.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import dev.strata.customer.Customer;
import dev.strata.shared.RiskLevel;
import dev.strata.shared.Tier;
import dev.strata.product.Product;
import dev.strata.shared.ProductRisk;

/** A small bank catalogue and who holds what: deposits for most, riskier products only within each customer's tolerance. */
final class DemoProducts {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final SplittableRandom random;

    DemoProducts(SplittableRandom random) {
        this.random = random;
    }

    static List<Product> catalogue(Instant now) {
        return List.of(
                product("DEP-CURRENT", "活期储蓄", "DEPOSIT", ProductRisk.R1, 0, List.of(), now),
                product("DEP-TIME-1Y", "一年期定期存款", "DEPOSIT", ProductRisk.R1, 50, List.of(), now),
                product("DEP-LARGE-3Y", "三年期大额存单", "DEPOSIT", ProductRisk.R1, 200_000, List.of(Tier.PLATINUM, Tier.DIAMOND), now),
                product("WM-CASH", "天天利现金管理", "WEALTH", ProductRisk.R1, 1, List.of(), now),
                product("WM-STEADY-180", "稳健180天理财", "WEALTH", ProductRisk.R2, 10_000, List.of(), now),
                product("FUND-BOND", "纯债基金", "FUND", ProductRisk.R2, 1_000, List.of(), now),
                product("FUND-BALANCED", "平衡混合基金", "FUND", ProductRisk.R3, 1_000, List.of(Tier.GOLD, Tier.PLATINUM), now),
                product("FUND-EQUITY", "沪深300指数基金", "FUND", ProductRisk.R4, 1_000, List.of(), now),
                product("PB-EQUITY-FOF", "私行权益FOF", "WEALTH", ProductRisk.R5, 1_000_000, List.of(Tier.DIAMOND), now),
                product("INS-ANNUITY", "养老年金保险", "INSURANCE", ProductRisk.R2, 20_000, List.of(), now),
                product("CARD-GOLD", "金卡信用卡", "CARD", ProductRisk.R1, 0, List.of(Tier.GOLD, Tier.PLATINUM, Tier.DIAMOND), now),
                product("LOAN-CONSUMER", "消费贷", "LOAN", ProductRisk.R1, 0, List.of(), now));
    }

    /** What one customer holds: a current account, maybe a time deposit, and products within their risk tolerance. */
    List<Customer.HeldProduct> holdings(RiskLevel tolerance, Customer.AssetSummary assets, List<Product> catalogue,
            LocalDate today) {
        List<Customer.HeldProduct> held = new ArrayList<>();
        BigDecimal invested = assets.aum().subtract(assets.deposits());
        held.add(new Customer.HeldProduct("DEP-CURRENT", openedBefore(today, 3650), assets.deposits()));
        if (assets.loans().signum() > 0) {
            held.add(new Customer.HeldProduct("LOAN-CONSUMER", openedBefore(today, 1000), assets.loans()));
        }
        for (Product product : catalogue) {
            boolean eligible = product.suits(tolerance) && invested.compareTo(product.minAmount()) >= 0
                    && !product.type().equals("DEPOSIT") && !product.type().equals("LOAN");
            if (eligible && random.nextDouble() < 0.25) {
                BigDecimal share = invested.multiply(BigDecimal.valueOf(10 + random.nextInt(40))).divide(HUNDRED, 2,
                        RoundingMode.HALF_EVEN);
                held.add(new Customer.HeldProduct(product.code(), openedBefore(today, 1500), share.max(product.minAmount())));
            }
        }
        return held;
    }

    private LocalDate openedBefore(LocalDate today, int maxDays) {
        return today.minusDays(1 + random.nextInt(maxDays));
    }

    private static Product product(String code, String name, String type, ProductRisk risk, long minAmount,
            List<Tier> targetTiers, Instant now) {
        return new Product(code, name, type, risk, BigDecimal.valueOf(minAmount).setScale(2), targetTiers, now);
    }
}
