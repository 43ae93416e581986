package dev.strata.scoring;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.NavigableMap;

import dev.strata.shared.LifecycleStage;

/**
 * The lifecycle stage from tenure, trend and activity; the first rule that holds wins (README "Scoring"). Activity is
 * the later of the last login and the last event; a customer with neither is never judged inactive.
 */
final class LifecycleRule {

    static final BigDecimal CHURNED_AUM = BigDecimal.valueOf(100);

    private LifecycleRule() {
    }

    static LifecycleStage stage(Facts f, Scorecard.World world, NavigableMap<YearMonth, BigDecimal> figures) {
        boolean holdsNothing = f.productCodes().isEmpty();
        BigDecimal aum = f.aum() == null ? BigDecimal.ZERO : f.aum();
        BigDecimal deposits = f.deposits() == null ? BigDecimal.ZERO : f.deposits();
        if (holdsNothing && f.peakProducts() == 0 && aum.signum() == 0 && deposits.signum() == 0) {
            return LifecycleStage.PROSPECT;
        }
        Long inactive = inactiveDays(f, world);
        if ((holdsNothing && f.peakProducts() > 0) || (aum.compareTo(CHURNED_AUM) < 0 && inactive != null && inactive >= 180)) {
            return LifecycleStage.CHURNED;
        }
        if (inactive != null && inactive >= 180) {
            return LifecycleStage.DORMANT;
        }
        LocalDate start = Scorecard.tenureStart(f);
        if (start != null && start.plusMonths(6).isAfter(world.today())) {
            return LifecycleStage.NEW;
        }
        double depositFall = Scorecard.decline(TierRule.figureOf(figures, world.month().minusMonths(3)),
                f.monthlyAvgDailyDeposit() == null ? BigDecimal.ZERO : f.monthlyAvgDailyDeposit()) * 0.5;
        double aumFall = Scorecard.decline(Scorecard.pastAum(f, world.month()), aum) * 0.5;
        if (depositFall >= 0.2 || aumFall >= 0.2 || (inactive != null && inactive >= 90)) {
            return LifecycleStage.DECLINING;
        }
        if ((start != null && start.plusMonths(24).isAfter(world.today())) || growth(f, world, figures) >= 0.1) {
            return LifecycleStage.GROWING;
        }
        return LifecycleStage.MATURE;
    }

    /** Days since the last login or event, whichever is later; null when there was neither. */
    static Long inactiveDays(Facts f, Scorecard.World world) {
        java.time.Instant last = f.lastLoginAt();
        if (f.lastActivityAt() != null && (last == null || f.lastActivityAt().isAfter(last))) {
            last = f.lastActivityAt();
        }
        return last == null ? null : Duration.between(last, world.now()).toDays();
    }

    /** Growth of the monthly average daily deposit over three months (0 when unknown). */
    static double growth(Facts f, Scorecard.World world, NavigableMap<YearMonth, BigDecimal> figures) {
        BigDecimal past = TierRule.figureOf(figures, world.month().minusMonths(3));
        BigDecimal now = f.monthlyAvgDailyDeposit();
        if (past == null || past.signum() <= 0 || now == null) {
            return 0;
        }
        return now.subtract(past).doubleValue() / past.doubleValue();
    }
}
