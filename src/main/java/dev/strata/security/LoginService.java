package dev.strata.security;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import dev.strata.audit.AuditEvent;
import org.springframework.context.ApplicationEventPublisher;
import dev.strata.graphql.UserError;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Checks a username and password and issues a token. Unknown users and wrong passwords get the same
 * answer in the same time; repeated failures make the guesser wait ({@link LoginThrottle}), never lock the
 * real user out.
 */
@Service
public class LoginService {

    static final String INVALID = "Invalid username or password";

    private final MongoTemplate mongo;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final TokenService tokens;
    private final ApplicationEventPublisher audit;
    private final String dummyHash;

    LoginService(MongoTemplate mongo, PasswordEncoder passwords, LoginThrottle throttle, TokenService tokens,
            ApplicationEventPublisher audit) {
        this.mongo = mongo;
        this.passwords = passwords;
        this.throttle = throttle;
        this.tokens = tokens;
        this.audit = audit;
        this.dummyHash = passwords.encode("timing-equaliser-" + System.nanoTime());
    }

    /** Outcome of a login: a token and viewer, or user errors. */
    public record LoginResult(String token, Instant expiresAt, String refreshToken, StrataPrincipal viewer,
            List<UserError> userErrors) {
        static LoginResult failed(UserError error) {
            return new LoginResult(null, null, null, null, List.of(error));
        }

        static LoginResult of(TokenService.IssuedToken token, StrataPrincipal viewer) {
            return new LoginResult(token.token(), token.expiresAt(), token.refreshToken(), viewer, List.of());
        }
    }

    public LoginResult login(String rawUsername, String password, String address) {
        String username = rawUsername == null ? "" : rawUsername.trim().toLowerCase(Locale.ROOT);
        java.time.Duration wait = throttle.waitFor(username, address);
        if (!wait.isZero()) {
            audit.publishEvent(new AuditEvent(username, "LOGIN_THROTTLED", username, address));
            return LoginResult.failed(UserError.of("THROTTLED",
                    "Too many failed attempts; try again in " + Math.max(1, wait.toSeconds()) + " s", "username"));
        }
        User user = username.isEmpty() ? null : mongo.findOne(Query.query(Criteria.where("username").is(username)), User.class);
        boolean matches = passwords.matches(password == null ? "" : password, user == null ? dummyHash : user.passwordHash());
        if (user == null || !matches || user.disabled()) {
            throttle.recordFailure(username, address);
            audit.publishEvent(new AuditEvent(username, "LOGIN_FAILED", username, address));
            return LoginResult.failed(UserError.of("INVALID_CREDENTIALS", INVALID, "password"));
        }
        throttle.recordSuccess(username, address);
        audit.publishEvent(new AuditEvent(username, "LOGIN", username, address));
        StrataPrincipal principal = user.principal();
        return LoginResult.of(tokens.issue(principal, user.tokenVersion()), principal);
    }

    /**
     * A new access token and a new refresh token for a refresh token whose user still exists, is enabled and
     * has not moved on to another token version; the user's current roles and bindings go into the new pair.
     */
    public LoginResult refresh(String refreshToken) {
        try {
            String username = tokens.verifyRefresh(refreshToken == null ? "" : refreshToken).username();
            User user = mongo.findOne(Query.query(Criteria.where("username").is(username)), User.class);
            if (user == null || user.disabled()) {
                throw new io.jsonwebtoken.JwtException("gone");
            }
            return LoginResult.of(tokens.issue(user.principal(), user.tokenVersion()), user.principal());
        } catch (io.jsonwebtoken.JwtException | IllegalArgumentException e) {
            return LoginResult.failed(UserError.of("INVALID_REFRESH_TOKEN", "refresh token invalid, expired or revoked",
                    "refreshToken"));
        }
    }
}
