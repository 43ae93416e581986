package dev.strata.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Validated {@code first}/{@code after} arguments of a Relay connection. */
public record Paging(int first, String after) {

    public static final int DEFAULT_FIRST = 20;
    public static final int MAX_FIRST = 100;

    /** Applies the default and the cap; {@code after} is decoded back to the sort key it was made from. */
    public static Paging of(Integer first, String after) {
        int size = first == null ? DEFAULT_FIRST : first;
        if (size < 0) {
            throw new BadRequestException("first must not be negative");
        }
        if (size > MAX_FIRST) {
            throw new BadRequestException("first must be at most " + MAX_FIRST);
        }
        return new Paging(size, after == null || after.isEmpty() ? null : decodeCursor(after));
    }

    /** The number of items to fetch: one more than asked, to know whether another page follows. */
    public int fetchSize() {
        return first + 1;
    }

    public static String encodeCursor(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("c:" + key).getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeCursor(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!raw.startsWith("c:")) {
                throw new BadRequestException("Malformed cursor");
            }
            return raw.substring(2);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("Malformed cursor");
        }
    }
}
