package dev.strata.graphql;

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

    /** The first problem with a coded row's key and name (path {@code <list>.<index>.<field>}), or null. */
    public static UserError checkRow(String code, String name, String list, int index) {
        if (!isValid(code)) {
            return UserError.invalid(RULE, list, String.valueOf(index), "code");
        }
        if (name == null || name.isBlank()) {
            return UserError.of("REQUIRED", "name is required", list, String.valueOf(index), "name");
        }
        return null;
    }
}
