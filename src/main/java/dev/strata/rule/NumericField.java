package dev.strata.rule;

/** The numeric facts a rule may compare; money in CNY, scores 0–100, ages and day counts in whole units. */
public enum NumericField {
    AUM, DEPOSITS, LOANS, MONTHLY_AVG_DAILY_DEPOSIT,
    AGE, DAYS_SINCE_LAST_LOGIN,
    CURRENT_VALUE, POTENTIAL_VALUE, LIFETIME_VALUE, CHURN_RISK,
    PRODUCTS_HELD
}
