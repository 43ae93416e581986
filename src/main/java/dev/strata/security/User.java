package dev.strata.security;

import java.time.Instant;
import java.util.Set;

import dev.strata.graphql.NodeEntity;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person or system that signs in; the password is only ever kept as a BCrypt hash. {@code tokenVersion} is
 * in every token issued and goes up when the user is disabled, their roles or their password change, which
 * revokes every token issued before.
 */
@Document("users")
public record User(@Id String id, @Indexed(unique = true) String username, String passwordHash, Set<Role> roles,
        String branchCode, String managerCode, Instant createdAt, String createdBy, int tokenVersion,
        boolean disabled) implements NodeEntity {

    public User(String id, String username, String passwordHash, Set<Role> roles, String branchCode, String managerCode,
            Instant createdAt, String createdBy) {
        this(id, username, passwordHash, roles, branchCode, managerCode, createdAt, createdBy, 0, false);
    }

    public StrataPrincipal principal() {
        return new StrataPrincipal(username, roles, branchCode, managerCode);
    }
}
