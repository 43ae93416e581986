package dev.strata.security;

import dev.strata.shared.Scope;
import dev.strata.branch.Branch;
import dev.strata.branch.BranchService;
import dev.strata.graphql.NodeFetcher;
import dev.strata.manager.ManagerService;
import dev.strata.manager.RelationshipManager;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** GraphQL entry to sign-in, the viewer and user administration. */
@Controller
class AuthController implements NodeFetcher {

    private final LoginService login;
    private final Accounts accounts;
    private final UserService users;
    private final BranchService branches;
    private final ManagerService managers;

    AuthController(LoginService login, Accounts accounts, UserService users, BranchService branches,
            ManagerService managers) {
        this.login = login;
        this.accounts = accounts;
        this.users = users;
        this.branches = branches;
        this.managers = managers;
    }

    /** Input of {@code login}. */
    record LoginInput(String username, String password) {
    }

    /** One login per request: aliased logins after the first are refused unchecked (no bcrypt, no audit row). */
    @MutationMapping
    LoginService.LoginResult login(@Argument LoginInput input, graphql.GraphQLContext request) {
        var logins = request.computeIfAbsent("strata.logins", key -> new java.util.concurrent.atomic.AtomicInteger());
        if (((java.util.concurrent.atomic.AtomicInteger) logins).incrementAndGet() > 1) {
            return LoginService.LoginResult.failed(dev.strata.graphql.UserError.of("ONE_LOGIN_PER_REQUEST",
                    "only one login per request", "username"));
        }
        return login.login(input.username(), input.password(), ClientAddress.of(request));
    }

    /** Input of {@code refreshToken}. */
    record RefreshTokenInput(String refreshToken) {
    }

    /** Input of {@code disableUser}. */
    record DisableUserInput(String userId) {
    }

    /** Input of {@code setUserRoles}. */
    record SetUserRolesInput(String userId, java.util.List<Role> roles) {
    }

    /** Input of {@code changePassword}. */
    record ChangePasswordInput(String currentPassword, String newPassword) {
    }

    @MutationMapping
    LoginService.LoginResult refreshToken(@Argument RefreshTokenInput input) {
        return login.refresh(input.refreshToken());
    }

    @MutationMapping
    Accounts.AccountResult disableUser(@Argument DisableUserInput input) {
        return accounts.disable(input.userId());
    }

    @MutationMapping
    Accounts.AccountResult setUserRoles(@Argument SetUserRolesInput input) {
        return accounts.setRoles(input.userId(), input.roles());
    }

    @MutationMapping
    LoginService.LoginResult changePassword(@Argument ChangePasswordInput input) {
        Viewers.require();
        return accounts.changePassword(input.currentPassword(), input.newPassword());
    }

    @MutationMapping
    UserService.CreateUserResult createUser(@Argument UserService.CreateUserInput input) {
        return users.create(input);
    }

    @QueryMapping
    StrataPrincipal viewer() {
        return Viewers.require();
    }

    @SchemaMapping(typeName = "Viewer")
    Branch branch(StrataPrincipal viewer) {
        return branches.find(viewer.branchCode());
    }

    @SchemaMapping(typeName = "Viewer")
    RelationshipManager manager(StrataPrincipal viewer) {
        return managers.find(viewer.managerCode());
    }

    @SchemaMapping(typeName = "User", field = "branch")
    Branch userBranch(User user) {
        return branches.find(user.branchCode());
    }

    @SchemaMapping(typeName = "User", field = "manager")
    RelationshipManager userManager(User user) {
        return managers.find(user.managerCode());
    }

    @Override
    public String typeName() {
        return "User";
    }

    @Override
    public Object fetch(String localId, Scope scope) {
        return users.find(localId);
    }
}
