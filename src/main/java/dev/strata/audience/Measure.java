package dev.strata.audience;

/** Numeric facts of a customer the audience index keeps as columns by seq, so numeric rules are range scans, not queries. */
public enum Measure {
    /** Money, as whole cents: exact to the cent. */
    AUM, DEPOSITS, LOANS, MONTHLY_AVG_DAILY_DEPOSIT,
    /** Birth date as epoch day. */
    BIRTH_DAY,
    /** Day of the last login as epoch day, in STRATA_TIME_ZONE. */
    LAST_LOGIN_DAY,
    /** Scores 0–100, as hundredths (rounded half-up). */
    CURRENT_VALUE, POTENTIAL_VALUE, LIFETIME_VALUE, CHURN_RISK,
    /** Number of products held. */
    PRODUCTS_HELD
}
