package dev.strata.store;

import java.util.regex.Pattern;

/** The shape of business codes (branch, RM, product, label keys) that double as document keys. */
public final class Codes {

    public static final String RULE = "must be 1-32 letters, digits, '-' or '_'";
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private Codes() {
    }

    public static boolean isValid(String code) {
        return code != null && CODE.matcher(code).matches();
    }
}
