package dev.strata.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.strata.audit.AuditEvent;
import org.springframework.context.ApplicationEventPublisher;
import dev.strata.branch.BranchService;
import dev.strata.graphql.UserError;
import dev.strata.manager.ManagerService;
import dev.strata.manager.RelationshipManager;
import org.bson.types.ObjectId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Creates users; an RM is bound to their staff code and a branch manager to their branch. */
@Service
public class UserService {

    static final int MIN_PASSWORD_LENGTH = 10;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,64}");

    private final MongoTemplate mongo;
    private final PasswordEncoder passwords;
    private final BranchService branches;
    private final ManagerService managers;
    private final ApplicationEventPublisher audit;
    private final Clock clock;

    UserService(MongoTemplate mongo, PasswordEncoder passwords, BranchService branches, ManagerService managers,
            ApplicationEventPublisher audit, Clock clock) {
        this.mongo = mongo;
        this.passwords = passwords;
        this.branches = branches;
        this.managers = managers;
        this.audit = audit;
        this.clock = clock;
    }

    /** Input of {@code createUser}. */
    public record CreateUserInput(String username, String password, List<Role> roles, String branchCode,
            String managerCode) {
    }

    /** Outcome of {@code createUser}. */
    public record CreateUserResult(User user, List<UserError> userErrors) {
    }

    @PreAuthorize("hasRole('ADMIN')")
    public CreateUserResult create(CreateUserInput input) {
        String username = input.username() == null ? "" : input.username().trim().toLowerCase(Locale.ROOT);
        List<UserError> errors = new ArrayList<>();
        if (!USERNAME.matcher(username).matches()) {
            errors.add(UserError.of("INVALID", "username must be 3-64 of a-z, 0-9, '.', '_' or '-'", "username"));
        }
        if (input.password() == null || input.password().length() < MIN_PASSWORD_LENGTH) {
            errors.add(UserError.of("WEAK_PASSWORD", "password must have at least " + MIN_PASSWORD_LENGTH + " characters",
                    "password"));
        }
        Set<Role> roles = input.roles() == null || input.roles().isEmpty() ? Set.of() : EnumSet.copyOf(input.roles());
        if (roles.isEmpty()) {
            errors.add(UserError.of("REQUIRED", "at least one role is required", "roles"));
        }
        String branchCode = input.branchCode();
        RelationshipManager rm = managers.find(input.managerCode());
        if (input.managerCode() != null && rm == null) {
            errors.add(UserError.of("UNKNOWN_MANAGER", "no such relationship manager", "managerCode"));
        } else if (rm != null) {
            if (branchCode != null && !branchCode.equals(rm.branchCode())) {
                errors.add(UserError.of("MISMATCH", "the manager belongs to branch " + rm.branchCode(), "branchCode"));
            }
            branchCode = rm.branchCode();
        }
        if (input.branchCode() != null && !branches.exists(input.branchCode())) {
            errors.add(UserError.of("UNKNOWN_BRANCH", "no such branch", "branchCode"));
        }
        if (roles.contains(Role.RELATIONSHIP_MANAGER) && input.managerCode() == null) {
            errors.add(UserError.of("REQUIRED", "a relationship manager needs a managerCode", "managerCode"));
        }
        if (roles.contains(Role.BRANCH_MANAGER) && branchCode == null) {
            errors.add(UserError.of("REQUIRED", "a branch manager needs a branchCode", "branchCode"));
        }
        if (!errors.isEmpty()) {
            return new CreateUserResult(null, errors);
        }
        User user = new User(new ObjectId().toHexString(), username, passwords.encode(input.password()), roles, branchCode,
                input.managerCode(), clock.instant(), Viewers.name());
        try {
            mongo.insert(user);
        } catch (DuplicateKeyException e) {
            return new CreateUserResult(null, List.of(UserError.of("TAKEN", "username is taken", "username")));
        }
        audit.publishEvent(new AuditEvent(Viewers.name(), "CREATE_USER", username, null));
        return new CreateUserResult(user, List.of());
    }

    /** Used at start-up: creates the user unless the name exists; returns whether it did. */
    boolean createIfAbsent(User user) {
        if (mongo.exists(Query.query(Criteria.where("username").is(user.username())), User.class)) {
            return false;
        }
        try {
            mongo.insert(user);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Some active user holding {@code role}, for work the service does on its own behalf (the start-up warm-up). */
    public java.util.Optional<User> anyActive(Role role) {
        return java.util.Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("roles").is(role.name())
                .and("disabled").ne(true)), User.class));
    }

    @PreAuthorize("hasRole('ADMIN')")
    public User find(String id) {
        return mongo.findById(id, User.class);
    }
}
