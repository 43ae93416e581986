package dev.strata.customer;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/** Formats of mainland identifiers: mobile numbers and 18-character resident ID numbers (GB 11643). */
public final class ChineseIds {

    private static final Pattern MOBILE = Pattern.compile("1\\d{10}");
    private static final Pattern RESIDENT_ID = Pattern.compile("\\d{17}[0-9X]");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private ChineseIds() {
    }

    public static boolean isMobile(String phone) {
        return phone != null && MOBILE.matcher(phone).matches();
    }

    /** The GB 11643 check character for the first 17 digits. */
    public static char checkDigit(CharSequence first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** 18 characters, a real birth date in positions 7-14, and the right check character. */
    public static boolean isResidentId(String id) {
        return id != null && RESIDENT_ID.matcher(id).matches() && birthDate(id) != null && checkDigit(id) == id.charAt(17);
    }

    /** The birth date a resident ID encodes, or null if it encodes none. */
    public static LocalDate birthDate(String id) {
        try {
            return LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
        } catch (DateTimeException | NumberFormatException | IndexOutOfBoundsException e) {
            return null;
        }
    }
}
