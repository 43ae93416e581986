package dev.strata.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Token signing and lifetimes (access and refresh), and the first admin's password (throttling is {@link ThrottleProperties}). */
@ConfigurationProperties("strata.security")
public record SecurityProperties(String jwtSecret, Duration tokenLifetime, Duration refreshLifetime, String issuer,
        String audience, String adminPassword, int bcryptStrength) {

    public SecurityProperties {
        tokenLifetime = tokenLifetime == null ? Duration.ofMinutes(30) : tokenLifetime;
        refreshLifetime = refreshLifetime == null ? Duration.ofHours(12) : refreshLifetime;
        issuer = issuer == null ? "strata" : issuer;
        audience = audience == null ? "strata-clients" : audience;
        bcryptStrength = bcryptStrength <= 0 ? 10 : bcryptStrength;
    }
}
