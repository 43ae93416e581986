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
import org.springframework.stereotype.Service;

/** Issues and verifies HS256 JWTs: algorithm pinned, issuer, audience, subject, roles, iat and exp all required. */
@Service
public class TokenService {

    static final String ALGORITHM = "HS256";
    private static final long CLOCK_SKEW_SECONDS = 60;

    private final SecretKey key;
    private final SecurityProperties properties;
    private final Clock clock;

    TokenService(SecurityProperties properties, StoreProperties store, Clock clock) {
        this.key = JwtKeyProvider.resolve(properties.jwtSecret(), store.dataDir());
        this.properties = properties;
        this.clock = clock;
    }

    /** A signed token with its expiry. */
    public record IssuedToken(String token, Instant expiresAt) {
    }

    public IssuedToken issue(StrataPrincipal principal) {
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(properties.tokenLifetime());
        var builder = Jwts.builder()
                .issuer(properties.issuer())
                .audience().add(properties.audience()).and()
                .subject(principal.username())
                .claim("roles", principal.roles().stream().map(Role::name).sorted().toList())
                .issuedAt(Date.from(now))
                .expiration(Date.from(expiresAt));
        if (principal.branchCode() != null) {
            builder.claim("branch", principal.branchCode());
        }
        if (principal.managerCode() != null) {
            builder.claim("manager", principal.managerCode());
        }
        return new IssuedToken(builder.signWith(key, Jwts.SIG.HS256).compact(), expiresAt);
    }

    /** Verifies a token and returns who it speaks for; any defect is a {@link JwtException}. */
    public StrataPrincipal verify(String token) {
        Jws<Claims> jws = Jwts.parser()
                .verifyWith(key)
                .requireIssuer(properties.issuer())
                .requireAudience(properties.audience())
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
        return new StrataPrincipal(claims.getSubject(), toRoles(roleNames),
                claims.get("branch", String.class), claims.get("manager", String.class));
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
        return roles;
    }
}
