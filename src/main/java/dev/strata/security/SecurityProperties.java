package dev.strata.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Token signing and lifetime, login throttling and the first admin's password. */
@ConfigurationProperties("strata.security")
public record SecurityProperties(String jwtSecret, Duration tokenLifetime, String issuer, String audience,
        String adminPassword, int maxFailedLogins, Duration lockout, int bcryptStrength) {

    public SecurityProperties {
        tokenLifetime = tokenLifetime == null ? Duration.ofHours(8) : tokenLifetime;
        issuer = issuer == null ? "strata" : issuer;
        audience = audience == null ? "strata-clients" : audience;
        maxFailedLogins = maxFailedLogins <= 0 ? 5 : maxFailedLogins;
        lockout = lockout == null ? Duration.ofMinutes(15) : lockout;
        bcryptStrength = bcryptStrength <= 0 ? 10 : bcryptStrength;
    }
}
