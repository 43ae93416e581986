package dev.strata.security;

import java.util.Map;

import dev.strata.support.StrataIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tokens die when their user is disabled, their roles or their password change; refresh tokens renew, never pass as access tokens. */
class TokenRevocationTests extends StrataIntegrationTest {

    private static final String VIEWER = "{ viewer { username roles } }";
    private static final String REFRESH = """
            mutation($t: String!) { refreshToken(input: {refreshToken: $t}) { token refreshToken userErrors { code } } }
            """;

    @Test
    void disablingAUserRevokesTheirTokensAndTheirLogin() {
        String username = unique("leaver");
        String token = userToken(username, Role.ANALYST);
        Map<?, ?> session = loginPair(username, PASSWORD);
        as(token).document(VIEWER).execute().path("viewer.username").entity(String.class).isEqualTo(username);
        asAdmin().document("mutation($id: ID!) { disableUser(input: {userId: $id}) { user { disabled } userErrors { code } } }")
                .variable("id", userId(username)).execute().path("disableUser.user.disabled").entity(Boolean.class).isEqualTo(true);
        assertClassification(as(token).document(VIEWER).execute(), "UNAUTHORIZED");
        assertThat(loginCodes(username, PASSWORD)).contains("INVALID_CREDENTIALS");
        anonymous().document(REFRESH).variable("t", session.get("refreshToken")).execute()
                .path("refreshToken.userErrors[0].code").entity(String.class).isEqualTo("INVALID_REFRESH_TOKEN");
    }

    @Test
    void changingRolesRevokesTokensCarryingTheOldOnes() {
        String username = unique("promoted");
        String token = userToken(username, Role.ANALYST);
        asAdmin().document("mutation($id: ID!) { setUserRoles(input: {userId: $id, roles: [MARKETER]}) { userErrors { code } } }")
                .variable("id", userId(username)).execute().path("setUserRoles.userErrors").entityList(Object.class).hasSize(0);
        assertClassification(as(token).document(VIEWER).execute(), "UNAUTHORIZED");
        as(login(username, PASSWORD)).document(VIEWER).execute().path("viewer.roles").entityList(String.class)
                .containsExactly("MARKETER");
    }

    @Test
    void changingThePasswordRevokesEveryOtherTokenAndAnswersANewPair() {
        String username = unique("mover");
        String token = userToken(username, Role.ANALYST);
        String other = login(username, PASSWORD);
        String fresh = as(token).document("""
                mutation { changePassword(input: {currentPassword: "%s", newPassword: "a-new-long-password"}) { token userErrors { code } } }
                """.formatted(PASSWORD)).execute().path("changePassword.token").entity(String.class).get();
        assertClassification(as(token).document(VIEWER).execute(), "UNAUTHORIZED");
        assertClassification(as(other).document(VIEWER).execute(), "UNAUTHORIZED");
        as(fresh).document(VIEWER).execute().path("viewer.username").entity(String.class).isEqualTo(username);
        assertThat(loginCodes(username, PASSWORD)).contains("INVALID_CREDENTIALS");
    }

    @Test
    void aRefreshTokenBuysANewPairButIsNoAccessToken() {
        String username = unique("mobile");
        userToken(username, Role.ANALYST);
        Map<?, ?> session = loginPair(username, PASSWORD);
        String refresh = (String) session.get("refreshToken");
        assertThat(refresh).isNotBlank();
        assertClassification(as(refresh).document(VIEWER).execute(), "UNAUTHORIZED");
        String renewed = anonymous().document(REFRESH).variable("t", refresh).execute()
                .path("refreshToken.token").entity(String.class).get();
        as(renewed).document(VIEWER).execute().path("viewer.username").entity(String.class).isEqualTo(username);
        anonymous().document(REFRESH).variable("t", session.get("token")).execute()
                .path("refreshToken.userErrors[0].code").entity(String.class).isEqualTo("INVALID_REFRESH_TOKEN");
    }

    @Test
    void onlyAdminsDisableUsers() {
        String marketer = userToken(unique("mkt"), Role.MARKETER);
        assertClassification(as(marketer).document("mutation($id: ID!) { disableUser(input: {userId: $id}) { userErrors { code } } }")
                .variable("id", userId("admin")).execute(), "FORBIDDEN");
    }

    private String userId(String username) {
        return dev.strata.graphql.GlobalId.encode("User", mongo.findOne(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("username").is(username)), User.class).id());
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    private Map<?, ?> loginPair(String username, String password) {
        return anonymous().documentName("mobile/Login").variable("username", username).variable("password", password)
                .execute().path("login").entity(Map.class).get();
    }

    private String loginCodes(String username, String password) {
        return String.valueOf(anonymous().documentName("mobile/Login").variable("username", username)
                .variable("password", password).execute().path("login.userErrors").entityList(Map.class).get());
    }
}
