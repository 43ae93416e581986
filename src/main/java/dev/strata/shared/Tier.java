package dev.strata.shared;

/** Value tier by monthly average daily deposits (普通/黄金/白金/钻石). */
public enum Tier {
    ORDINARY, GOLD, PLATINUM, DIAMOND
}
