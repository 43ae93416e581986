package dev.strata.card;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/** Card slugs: 16 characters of [a-z0-9], random (about 80 bits) for real RMs, derived from the seed for demo ones. */
final class CardSlugs {

    static final int LENGTH = 16;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private CardSlugs() {
    }

    static String random() {
        StringBuilder slug = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            slug.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return slug.toString();
    }

    /** The demo bank's slug of an RM: the same seed gives the same slugs, so client examples can name one. */
    static String demo(long seed, String managerCode) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("strata-demo-card|" + seed + "|" + managerCode).getBytes(StandardCharsets.UTF_8));
            StringBuilder slug = new StringBuilder(LENGTH);
            for (int i = 0; i < LENGTH; i++) {
                slug.append(ALPHABET.charAt((digest[i] & 0xff) % ALPHABET.length()));
            }
            return slug.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a string could be a slug at all; a malformed one answers exactly like an unknown one. */
    static boolean wellFormed(String slug) {
        if (slug == null || slug.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(slug.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
