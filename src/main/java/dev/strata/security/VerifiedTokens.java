package dev.strata.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens already verified, by their exact text, so a client sending the same token on every request is not
 * parsed and HMAC-checked each time (a twentieth of a portrait page's CPU). Holds only what the signature vouched
 * for; expiry and revocation are still checked on every use by {@link TokenService}. Bounded: when full it starts over.
 */
final class VerifiedTokens {

    /** What a verified token says: who, its token version, and the instant (epoch ms) after which it no longer passes. */
    record Verified(StrataPrincipal principal, int version, long passesUntilMillis) {
    }

    /** Longer texts are verified every time rather than kept (an access token is a few hundred characters). */
    static final int MAX_TOKEN_LENGTH = 2_048;

    private final int capacity;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    VerifiedTokens(int capacity) {
        this.capacity = capacity;
    }

    Verified get(String token) {
        return verified.get(token);
    }

    void put(String token, Verified entry) {
        if (token.length() > MAX_TOKEN_LENGTH || capacity <= 0) {
            return;
        }
        if (verified.size() >= capacity) {
            verified.clear();
        }
        verified.put(token, entry);
    }

    /** Drops a token that no longer passes, so the cache does not hold it until it fills up. */
    void remove(String token) {
        verified.remove(token);
    }

    int size() {
        return verified.size();
    }
}
