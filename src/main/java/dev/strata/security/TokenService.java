package dev.strata.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import javax.crypto.SecretKey;

import dev.strata.store.StoreProperties;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.Jwts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Issues and verifies HS256 JWTs: algorithm pinned, issuer, audience, subject, roles, iat and exp all required.
 * Access tokens are short-lived; a refresh token (another audience, so it never passes as an access token)
 * buys a new pair. Both carry the user's token version and die when it moves on ({@link TokenVersions}). An access
 * token's signature and claims are checked once ({@link VerifiedTokens}); its expiry and version on every use.
 */
@Service
public class TokenService {

    static final String ALGORITHM = "HS256";
    static final String VERSION = "ver";
    private static final long CLOCK_SKEW_SECONDS = 60;

    private final SecretKey key;
    private final SecurityProperties properties;
    private final TokenVersions versions;
    private final Clock clock;
    private final VerifiedTokens verified;

    TokenService(SecurityProperties properties, StoreProperties store, TokenVersions versions, Clock clock,
            @Value("${strata.security.verified-tokens:4096}") int verifiedTokens) {
        this.key = JwtKeyProvider.resolve(properties.jwtSecret(), store.dataDir());
        this.properties = properties;
        this.versions = versions;
        this.clock = clock;
        this.verified = new VerifiedTokens(verifiedTokens);
    }

    /** A signed access token with its expiry, and the refresh token that renews it. */
    public record IssuedToken(String token, Instant expiresAt, String refreshToken) {
    }

    public IssuedToken issue(StrataPrincipal principal, int version) {
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(properties.tokenLifetime());
        String access = sign(principal, version, properties.audience(), now, expiresAt);
        String refresh = sign(principal, version, refreshAudience(), now, now.plus(properties.refreshLifetime()));
        return new IssuedToken(access, expiresAt, refresh);
    }

    /** Verifies an access token and returns who it speaks for; any defect, or a revoked version, is a {@link JwtException}. */
    public StrataPrincipal verify(String token) {
        VerifiedTokens.Verified known = verified.get(token);
        if (known != null) {
            if (clock.millis() <= known.passesUntilMillis()) {
                return current(known.principal().username(), known.version(), known.principal());
            }
            verified.remove(token);
        }
        return verify(token, properties.audience());
    }

    /** Verifies a refresh token the same way. */
    StrataPrincipal verifyRefresh(String token) {
        return verify(token, refreshAudience());
    }

    private StrataPrincipal verify(String token, String audience) {
        Jws<Claims> jws = Jwts.parser()
                .verifyWith(key)
                .requireIssuer(properties.issuer())
                .requireAudience(audience)
                .clockSkewSeconds(CLOCK_SKEW_SECONDS)
                .clock(() -> Date.from(clock.instant()))
                .build()
                .parseSignedClaims(token);
        if (!ALGORITHM.equals(jws.getHeader().getAlgorithm())) {
            throw new JwtException("Unexpected algorithm " + jws.getHeader().getAlgorithm());
        }
        Claims claims = jws.getPayload();
        if (claims.getSubject() == null || claims.getIssuedAt() == null || claims.getExpiration() == null) {
            throw new JwtException("Token lacks sub, iat or exp");
        }
        if (!(claims.get("roles") instanceof Collection<?> roleNames)) {
            throw new JwtException("Token lacks roles");
        }
        Integer claimed = claims.get(VERSION, Integer.class);
        int version = claimed == null ? 0 : claimed;
        StrataPrincipal principal = current(claims.getSubject(), version, new StrataPrincipal(claims.getSubject(),
                toRoles(roleNames), claims.get("branch", String.class), claims.get("manager", String.class)));
        if (audience.equals(properties.audience()) && claims.getNotBefore() == null) {
            // passes while now - skew <= exp, as the parser checks it
            verified.put(token, new VerifiedTokens.Verified(principal, version,
                    claims.getExpiration().getTime() + CLOCK_SKEW_SECONDS * 1000));
        }
        return principal;
    }

    /** The principal, if the token's version is still its user's current one (and the user not disabled). */
    private StrataPrincipal current(String username, int version, StrataPrincipal principal) {
        if (!versions.isCurrent(username, version)) {
            throw new JwtException("Token revoked");
        }
        return principal;
    }

    private String sign(StrataPrincipal principal, int version, String audience, Instant now, Instant expiresAt) {
        var builder = Jwts.builder()
                .issuer(properties.issuer())
                .audience().add(audience).and()
                .subject(principal.username())
                .claim("roles", principal.roles().stream().map(Role::name).sorted().toList())
                .claim(VERSION, version)
                .issuedAt(Date.from(now))
                .expiration(Date.from(expiresAt));
        if (principal.branchCode() != null) {
            builder.claim("branch", principal.branchCode());
        }
        if (principal.managerCode() != null) {
            builder.claim("manager", principal.managerCode());
        }
        return builder.signWith(key, Jwts.SIG.HS256).compact();
    }

    private String refreshAudience() {
        return properties.audience() + "-refresh";
    }

    private static Set<Role> toRoles(Collection<?> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        try {
            for (Object name : List.copyOf(names)) {
                roles.add(Role.valueOf(String.valueOf(name)));
            }
        } catch (IllegalArgumentException e) {
            throw new JwtException("Token names an unknown role");
        }
        return java.util.Collections.unmodifiableSet(roles);
    }
}
