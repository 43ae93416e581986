package dev.strata.shared;

/** How the bank reaches a customer, or how a customer reaches the bank. */
public enum Channel {
    APP_PUSH, SMS, WECHAT, MINI_PROGRAM, EMAIL, PHONE_CALL, BRANCH_VISIT, WEB
}
