package dev.strata.scoring;

/** The event types and the label scoring records on customers, for segments and campaign triggers. */
public final class ScoringEvents {

    /** A customer moved between tiers; properties {@code from}, {@code to}, {@code reason}. */
    public static final String TIER_CHANGED = "TIER_CHANGED";
    /** A customer's churn risk crossed the model's threshold upwards; property {@code churnRisk}. */
    public static final String CHURN_RISK_HIGH = "CHURN_RISK_HIGH";
    /** The SYSTEM label on every customer whose churn risk is at or above the threshold. */
    public static final String CHURN_LABEL = "high-churn-risk";

    private ScoringEvents() {
    }
}
