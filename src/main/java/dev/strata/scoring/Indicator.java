package dev.strata.scoring;

/** The scorecard's indicators, each feeding one score; the model weighs them. */
public enum Indicator {
    ASSET_CONTRIBUTION(Score.CURRENT_VALUE, 0.5),
    DEBT_BUSINESS(Score.CURRENT_VALUE, 0.2),
    FEE_INCOME(Score.CURRENT_VALUE, 0.3),
    /** Acquisition cost in the first 12 months, maintenance cost after: subtracted from current value. */
    COST(Score.CURRENT_VALUE, 0.2),
    PRODUCT_HEADROOM(Score.POTENTIAL_VALUE, 0.35),
    DIGITAL_ENGAGEMENT(Score.POTENTIAL_VALUE, 0.25),
    FINANCIAL_ASSETS(Score.POTENTIAL_VALUE, 0.25),
    AGE(Score.POTENTIAL_VALUE, 0.15),
    CURRENT(Score.LIFETIME_VALUE, 0.6),
    POTENTIAL(Score.LIFETIME_VALUE, 0.4),
    AUM_DECLINE(Score.CHURN_RISK, 0.25),
    DEPOSIT_DECLINE(Score.CHURN_RISK, 0.2),
    LOGIN_RECENCY(Score.CHURN_RISK, 0.25),
    CLOSED_PRODUCTS(Score.CHURN_RISK, 0.15),
    EVENT_SILENCE(Score.CHURN_RISK, 0.15);

    /** The scores the indicators feed. */
    public enum Score { CURRENT_VALUE, POTENTIAL_VALUE, LIFETIME_VALUE, CHURN_RISK }

    private final Score score;
    private final double defaultWeight;

    Indicator(Score score, double defaultWeight) {
        this.score = score;
        this.defaultWeight = defaultWeight;
    }

    public Score score() {
        return score;
    }

    double defaultWeight() {
        return defaultWeight;
    }

    /** Whether the indicator counts against its score (a cost) rather than for it. */
    boolean subtracts() {
        return this == COST;
    }

    static Indicator parse(String name) {
        for (Indicator indicator : values()) {
            if (indicator.name().equals(name)) {
                return indicator;
            }
        }
        return null;
    }
}
