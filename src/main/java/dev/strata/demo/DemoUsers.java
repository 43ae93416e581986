package dev.strata.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.strata.manager.RelationshipManager;
import dev.strata.security.Role;
import dev.strata.security.User;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Creates the demo sign-ins (marketer, analyst, branch01, rm001..., feed) that are missing, all with the demo password. */
@Component
class DemoUsers {

    static final String DEMO_BRANCH = "BR01";

    private final MongoTemplate mongo;
    private final PasswordEncoder passwords;

    DemoUsers(MongoTemplate mongo, PasswordEncoder passwords) {
        this.mongo = mongo;
        this.passwords = passwords;
    }

    /** The demo users for these RMs; every one shares {@code passwordHash} (BCrypt is slow, so it is computed once). */
    static List<User> users(List<RelationshipManager> managers, String passwordHash, DemoIds ids, Instant now) {
        List<User> users = new ArrayList<>();
        users.add(user(ids, "marketer", passwordHash, Role.MARKETER, null, null, now));
        users.add(user(ids, "analyst", passwordHash, Role.ANALYST, null, null, now));
        users.add(user(ids, "branch01", passwordHash, Role.BRANCH_MANAGER, DEMO_BRANCH, null, now));
        for (RelationshipManager rm : managers) {
            users.add(user(ids, rm.code().toLowerCase(), passwordHash, Role.RELATIONSHIP_MANAGER, rm.branchCode(), rm.code(),
                    now));
        }
        users.add(user(ids, "feed", passwordHash, Role.SERVICE, null, null, now));
        return users;
    }

    /** Stores those of the demo users whose username is free; returns how many it created. */
    int createMissing(List<RelationshipManager> managers, String password, DemoIds ids, Instant now) {
        List<User> wanted = users(managers, passwords.encode(password), ids, now);
        List<String> names = wanted.stream().map(User::username).toList();
        Set<String> taken = Set.copyOf(mongo.find(Query.query(Criteria.where("username").in(names)), User.class).stream()
                .map(User::username).toList());
        int created = 0;
        for (User user : wanted) {
            if (!taken.contains(user.username()) && insert(user)) {
                created++;
            }
        }
        return created;
    }

    private boolean insert(User user) {
        try {
            mongo.insert(user);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private static User user(DemoIds ids, String username, String hash, Role role, String branchCode, String managerCode,
            Instant now) {
        return new User(ids.next(), username, hash, Set.of(role), branchCode, managerCode, now, DemoLabels.CREATED_BY);
    }
}
