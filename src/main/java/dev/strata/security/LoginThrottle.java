package dev.strata.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Slows password guessing without letting anyone lock someone else out. Only failures count, in three
 * buckets: per address (any usernames), per username and address, and per username from addresses it never
 * signed in from. An address where the user signed in recently skips the last bucket, so the real user keeps
 * signing in from their usual place however many guesses strangers make. There is no lockout, only a wait
 * that the buckets refill. Per instance (in memory).
 */
@Component
class LoginThrottle {

    private static final int MAX_KEYS = 100_000;
    private static final int KNOWN_ADDRESSES_PER_USER = 5;

    private final RateLimiter byAddress;
    private final RateLimiter byUserAndAddress;
    private final RateLimiter byUser;
    private final Map<String, Set<String>> knownAddresses;

    LoginThrottle(ThrottleProperties properties, Clock clock) {
        Duration refill = properties.failureRefill();
        this.byAddress = new RateLimiter(properties.addressFailures(), refill, MAX_KEYS, clock);
        this.byUserAndAddress = new RateLimiter(properties.userAddressFailures(), refill, MAX_KEYS, clock);
        this.byUser = new RateLimiter(properties.userFailures(), refill, MAX_KEYS, clock);
        this.knownAddresses = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Set<String>> eldest) {
                return size() > MAX_KEYS;
            }
        });
    }

    /** How long this attempt must wait before its password is even checked; zero when it may go ahead. */
    Duration waitFor(String username, String address) {
        Duration wait = max(byAddress.retryAfter(address), byUserAndAddress.retryAfter(username + "@" + address));
        if (!isKnown(username, address)) {
            wait = max(wait, byUser.retryAfter(username));
        }
        return wait;
    }

    void recordFailure(String username, String address) {
        byAddress.consume(address);
        byUserAndAddress.consume(username + "@" + address);
        if (!isKnown(username, address)) {
            byUser.consume(username);
        }
    }

    /** A good login: its address becomes one the user is known at. Good logins never use up anything. */
    void recordSuccess(String username, String address) {
        Set<String> addresses = knownAddresses.computeIfAbsent(username, k -> Collections.synchronizedSet(new LinkedHashSet<>()));
        synchronized (addresses) {
            addresses.remove(address);
            addresses.add(address);
            while (addresses.size() > KNOWN_ADDRESSES_PER_USER) {
                addresses.remove(addresses.iterator().next());
            }
        }
    }

    private boolean isKnown(String username, String address) {
        Set<String> addresses = knownAddresses.get(username);
        return addresses != null && addresses.contains(address);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
