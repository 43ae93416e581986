package dev.strata.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How hard sign-in and public operations are throttled. Only failed logins count, so a whole office signing
 * in from one address is never slowed; an address where a user signed in recently is exempt from that
 * user's cross-address limit, so a stranger's guesses never lock the real user out of their usual place.
 *
 * @param trustedProxies         addresses (or CIDR ranges) whose {@code X-Forwarded-For} is believed
 * @param addressFailures        failed logins one address may make in a burst (any usernames)
 * @param userAddressFailures    failed logins for one username from one address in a burst
 * @param userFailures           failed logins for one username from addresses it never signed in from
 * @param failureRefill          one failure is forgiven every this long
 * @param publicBurst            calls of one public operation one address may make in a burst
 * @param publicRefill           one public call is given back every this long
 */
@ConfigurationProperties("strata.security.throttle")
public record ThrottleProperties(List<String> trustedProxies, int addressFailures, int userAddressFailures,
        int userFailures, Duration failureRefill, int publicBurst, Duration publicRefill) {

    public ThrottleProperties {
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        addressFailures = addressFailures <= 0 ? 30 : addressFailures;
        userAddressFailures = userAddressFailures <= 0 ? 5 : userAddressFailures;
        userFailures = userFailures <= 0 ? 20 : userFailures;
        failureRefill = failureRefill == null ? Duration.ofSeconds(30) : failureRefill;
        publicBurst = publicBurst <= 0 ? 60 : publicBurst;
        publicRefill = publicRefill == null ? Duration.ofSeconds(1) : publicRefill;
    }
}
