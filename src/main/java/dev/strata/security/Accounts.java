package dev.strata.security;

import java.util.EnumSet;
import java.util.List;

import dev.strata.audit.AuditEvent;
import dev.strata.graphql.GlobalId;
import dev.strata.graphql.UserError;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Changes that revoke a user's tokens: disabling them, changing their roles, changing their password. Each
 * bumps the user's token version in the same write, so every token issued before stops working.
 */
@Service
class Accounts {

    private final MongoTemplate mongo;
    private final PasswordEncoder passwords;
    private final TokenVersions versions;
    private final TokenService tokens;
    private final ApplicationEventPublisher audit;

    Accounts(MongoTemplate mongo, PasswordEncoder passwords, TokenVersions versions, TokenService tokens,
            ApplicationEventPublisher audit) {
        this.mongo = mongo;
        this.passwords = passwords;
        this.versions = versions;
        this.tokens = tokens;
        this.audit = audit;
    }

    /** Outcome of an account change: the user as it now is, or user errors. */
    record AccountResult(User user, List<UserError> userErrors) {
    }

    @PreAuthorize("hasRole('ADMIN')")
    AccountResult disable(String userId) {
        return change(userId, new Update().set("disabled", true), "DISABLE_USER");
    }

    @PreAuthorize("hasRole('ADMIN')")
    AccountResult setRoles(String userId, List<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            return new AccountResult(null, List.of(UserError.of("REQUIRED", "at least one role is required", "roles")));
        }
        return change(userId, new Update().set("roles", EnumSet.copyOf(roles)), "SET_ROLES");
    }

    /** The caller's own password; answers a fresh token pair, since the change revoked the old ones. */
    LoginService.LoginResult changePassword(String currentPassword, String newPassword) {
        StrataPrincipal viewer = Viewers.require();
        User user = mongo.findOne(Query.query(Criteria.where("username").is(viewer.username())), User.class);
        if (user == null || !passwords.matches(currentPassword == null ? "" : currentPassword, user.passwordHash())) {
            return LoginService.LoginResult.failed(UserError.of("INVALID_CREDENTIALS", "current password is wrong",
                    "currentPassword"));
        }
        if (newPassword == null || newPassword.length() < UserService.MIN_PASSWORD_LENGTH) {
            return LoginService.LoginResult.failed(UserError.of("WEAK_PASSWORD",
                    "password must have at least " + UserService.MIN_PASSWORD_LENGTH + " characters", "newPassword"));
        }
        User changed = bump(Query.query(Criteria.where("_id").is(user.id())),
                new Update().set("passwordHash", passwords.encode(newPassword)));
        audit.publishEvent(new AuditEvent(viewer.username(), "CHANGE_PASSWORD", viewer.username(), null));
        return LoginService.LoginResult.of(tokens.issue(changed.principal(), changed.tokenVersion()), changed.principal());
    }

    private AccountResult change(String userId, Update update, String action) {
        String id = GlobalId.localIdOrNull(userId, "User");
        if (id == null) {
            return new AccountResult(null, List.of(UserError.invalidId("userId")));
        }
        User user = bump(Query.query(Criteria.where("_id").is(id)), update);
        if (user == null) {
            return new AccountResult(null, List.of(UserError.notFound("user", "userId")));
        }
        audit.publishEvent(new AuditEvent(Viewers.name(), action, user.username(), null));
        return new AccountResult(user, List.of());
    }

    private User bump(Query query, Update update) {
        User user = mongo.findAndModify(query, update.inc("tokenVersion", 1), FindAndModifyOptions.options().returnNew(true),
                User.class);
        if (user != null) {
            versions.forget(user.username());
        }
        return user;
    }
}
