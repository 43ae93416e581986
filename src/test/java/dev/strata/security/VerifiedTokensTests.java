package dev.strata.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import dev.strata.store.StoreProperties;
import dev.strata.support.SettableClock;
import dev.strata.support.StrataIntegrationTest;
import io.jsonwebtoken.JwtException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A token verified once is not served from the cache once it has expired, once another instance has revoked it
 * (a write straight to the store, seen when the revocation check polls), or when its text differs in any character.
 */
class VerifiedTokensTests extends StrataIntegrationTest {

    @Autowired
    SecurityProperties properties;

    @Autowired
    StoreProperties store;

    @Autowired
    MongoTemplate mongo;

    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-01T08:00:00Z"));
    private String username;
    private StrataPrincipal principal;

    @BeforeEach
    void aUser() {
        username = unique("cached");
        userToken(username, Role.ANALYST);
        principal = new StrataPrincipal(username, Set.of(Role.ANALYST), null, null);
    }

    /** This instance's view of the store with the revocation check polling on every request, as another instance's would. */
    private TokenService instance(int capacity) {
        return new TokenService(properties, store, new TokenVersions(mongo, Duration.ZERO), clock, capacity);
    }

    private int storedVersion() {
        org.bson.Document user = mongo.findOne(Query.query(Criteria.where("username").is(username)), org.bson.Document.class, "users");
        return user.get("tokenVersion", 0);
    }

    @Test
    void aCachedTokenStopsPassingWhenItExpires() {
        TokenService tokens = instance(16);
        String token = tokens.issue(principal, storedVersion()).token();
        assertThat(tokens.verify(token)).isEqualTo(principal);
        assertThat(tokens.verify(token)).isEqualTo(principal);
        clock.advance(properties.tokenLifetime().plusSeconds(59));   // within the parser's clock skew
        assertThat(tokens.verify(token)).isEqualTo(principal);
        clock.advance(Duration.ofSeconds(2));
        assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(JwtException.class);
    }

    @Test
    void aCachedTokenDiesAtOnceWhenAnotherInstanceMovesTheVersionOrDisablesTheUser() {
        TokenService tokens = instance(16);
        String token = tokens.issue(principal, storedVersion()).token();
        assertThat(tokens.verify(token)).isEqualTo(principal);
        mongo.updateFirst(Query.query(Criteria.where("username").is(username)), new Update().inc("tokenVersion", 1), "users");
        assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(JwtException.class).hasMessageContaining("revoked");

        String next = tokens.issue(principal, storedVersion()).token();
        assertThat(tokens.verify(next)).isEqualTo(principal);
        mongo.updateFirst(Query.query(Criteria.where("username").is(username)), new Update().set("disabled", true), "users");
        assertThatThrownBy(() -> tokens.verify(next)).isInstanceOf(JwtException.class).hasMessageContaining("revoked");
    }

    @Test
    void onlyTheExactVerifiedTextIsServedFromTheCache() {
        TokenService tokens = instance(16);
        TokenService.IssuedToken issued = tokens.issue(principal, storedVersion());
        String token = issued.token();
        assertThat(tokens.verify(token)).isEqualTo(principal);
        // The signature's first character: the last one partly encodes padding bits, so changing it may change nothing.
        int at = token.lastIndexOf('.') + 1;
        String tampered = token.substring(0, at) + (token.charAt(at) == 'A' ? 'Q' : 'A') + token.substring(at + 1);
        assertThatThrownBy(() -> tokens.verify(tampered)).isInstanceOf(JwtException.class);
        assertThat(tokens.verifyRefresh(issued.refreshToken())).isEqualTo(principal);
        assertThatThrownBy(() -> tokens.verify(issued.refreshToken())).isInstanceOf(JwtException.class);
    }

    @Test
    void theCacheStaysWithinItsCapacity() {
        VerifiedTokens cache = new VerifiedTokens(2);
        VerifiedTokens.Verified entry = new VerifiedTokens.Verified(principal, 0, Long.MAX_VALUE);
        cache.put("a", entry);
        cache.put("b", entry);
        cache.put("c", entry);
        cache.put("x".repeat(VerifiedTokens.MAX_TOKEN_LENGTH + 1), entry);
        assertThat(cache.size()).isLessThanOrEqualTo(2);
        assertThat(cache.get("c")).isEqualTo(entry);
        assertThat(cache.get("x".repeat(VerifiedTokens.MAX_TOKEN_LENGTH + 1))).isNull();
    }
}
