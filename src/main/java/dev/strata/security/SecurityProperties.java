package dev.strata.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Token signing and lifetime, and the first admin's password (throttling is {@link ThrottleProperties}). */
@ConfigurationProperties("strata.security")
public record SecurityProperties(String jwtSecret, Duration tokenLifetime, String issuer, String audience,
        String adminPassword, int bcryptStrength) {

    public SecurityProperties {
        tokenLifetime = tokenLifetime == null ? Duration.ofHours(8) : tokenLifetime;
        issuer = issuer == null ? "strata" : issuer;
        audience = audience == null ? "strata-clients" : audience;
        bcryptStrength = bcryptStrength <= 0 ? 10 : bcryptStrength;
    }
}
