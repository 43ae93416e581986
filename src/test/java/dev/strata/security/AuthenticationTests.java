package dev.strata.security;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import dev.strata.support.StrataIntegrationTest;
import io.jsonwebtoken.Jwts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-in and token verification over real HTTP: every forged or broken token is UNAUTHORIZED. */
class AuthenticationTests extends StrataIntegrationTest {

    private static final String VIEWER = "{ viewer { username roles } }";
    private static final SecretKey RIGHT_KEY = new SecretKeySpec(Base64.getDecoder().decode(JWT_SECRET), "HmacSHA256");
    private static final SecretKey OTHER_KEY = new SecretKeySpec(
            "another-secret-key-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8), "HmacSHA256");

    @Test
    void loginIssuesATokenThatIdentifiesTheViewer() {
        String token = login("admin", ADMIN_PASSWORD);
        as(token).document(VIEWER).execute()
                .path("viewer.username").entity(String.class).isEqualTo("admin")
                .path("viewer.roles").entityList(String.class).containsExactly("ADMIN");
    }

    @Test
    void loginAnswersWithTokenExpiryAndViewer() {
        anonymous().document("""
                mutation { login(input: {username: "admin", password: "%s"}) { token expiresAt viewer { username } userErrors { code } } }
                """.formatted(ADMIN_PASSWORD)).execute()
                .path("login.expiresAt").entity(String.class).satisfies(at -> assertThat(at).matches(".*[+-]\\d\\d:\\d\\d$|.*Z$"))
                .path("login.viewer.username").entity(String.class).isEqualTo("admin");
    }

    @Test
    void noTokenIsUnauthorized() {
        assertClassification(anonymous().document(VIEWER).execute(), "UNAUTHORIZED");
    }

    @Test
    void tamperedSignatureIsUnauthorized() {
        String token = login("admin", ADMIN_PASSWORD);
        String[] parts = token.split("\\.");
        char last = parts[2].charAt(0);
        String tampered = parts[0] + "." + parts[1] + "." + (last == 'A' ? 'B' : 'A') + parts[2].substring(1);
        assertClassification(as(tampered).document(VIEWER).execute(), "UNAUTHORIZED");
    }

    @Test
    void tamperedClaimsAreUnauthorized() {
        String token = token(RIGHT_KEY, Instant.now().plusSeconds(600), "RELATIONSHIP_MANAGER");
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("RELATIONSHIP_MANAGER", "ADMIN");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertClassification(as(forged).document(VIEWER).execute(), "UNAUTHORIZED");
    }

    @Test
    void expiredTokenIsUnauthorizedBeyondTheClockSkew() {
        String expired = token(RIGHT_KEY, Instant.now().minusSeconds(120), "ADMIN");
        assertClassification(as(expired).document(VIEWER).execute(), "UNAUTHORIZED");
    }

    @Test
    void tokenWithinTheClockSkewIsAccepted() {
        String justExpired = token(RIGHT_KEY, Instant.now().minusSeconds(20), "ADMIN");
        as(justExpired).document(VIEWER).execute().path("viewer.username").entity(String.class).isEqualTo("admin");
    }

    @Test
    void unsignedAlgNoneTokenIsUnauthorized() {
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        long now = Instant.now().getEpochSecond();
        String payload = b64(("{\"iss\":\"strata\",\"aud\":[\"strata-clients\"],\"sub\":\"admin\",\"roles\":[\"ADMIN\"],"
                + "\"iat\":%d,\"exp\":%d}").formatted(now, now + 600));
        assertClassification(as(header + "." + payload + ".").document(VIEWER).execute(), "UNAUTHORIZED");
    }

    @Test
    void tokenSignedWithAnotherKeyIsUnauthorized() {
        String foreign = token(OTHER_KEY, Instant.now().plusSeconds(600), "ADMIN");
        assertClassification(as(foreign).document(VIEWER).execute(), "UNAUTHORIZED");
    }

    @Test
    void tokenWithoutExpiryIsUnauthorized() {
        String noExp = Jwts.builder().issuer("strata").audience().add("strata-clients").and().subject("admin")
                .claim("roles", List.of("ADMIN")).issuedAt(new Date()).signWith(RIGHT_KEY, Jwts.SIG.HS256).compact();
        assertClassification(as(noExp).document(VIEWER).execute(), "UNAUTHORIZED");
    }

    @Test
    void tokenForAnotherAudienceIsUnauthorized() {
        String wrongAudience = Jwts.builder().issuer("strata").audience().add("someone-else").and().subject("admin")
                .claim("roles", List.of("ADMIN")).issuedAt(new Date())
                .expiration(Date.from(Instant.now().plusSeconds(600))).signWith(RIGHT_KEY, Jwts.SIG.HS256).compact();
        assertClassification(as(wrongAudience).document(VIEWER).execute(), "UNAUTHORIZED");
    }

    @Test
    void aCorrectlySignedTokenIsAccepted() {
        as(token(RIGHT_KEY, Instant.now().plusSeconds(600), "ADMIN")).document(VIEWER).execute()
                .path("viewer.roles").entityList(String.class).containsExactly("ADMIN");
    }

    @Test
    void marketerCannotCreateUsers() {
        String marketer = userToken(unique("marketer"), Role.MARKETER);
        assertClassification(as(marketer).document("""
                mutation { createUser(input: {username: "intruder", password: "long-enough-password", roles: [ADMIN]}) { user { id } } }
                """).execute(), "FORBIDDEN");
    }

    @Test
    void unknownUserAndWrongPasswordGetTheSameAnswer() {
        String existing = unique("analyst");
        userToken(existing, Role.ANALYST);
        String wrongPassword = loginErrors(existing, "not-the-password");
        String unknownUser = loginErrors(unique("nobody"), "not-the-password");
        assertThat(wrongPassword).isEqualTo(unknownUser).contains("INVALID_CREDENTIALS");
    }

    private String loginErrors(String username, String password) {
        return anonymous().document("""
                mutation($u: String!, $p: String!) { login(input: {username: $u, password: $p}) { token userErrors { code message } } }
                """).variable("u", username).variable("p", password).execute()
                .path("login.token").valueIsNull()
                .path("login.userErrors").entityList(java.util.Map.class).get().toString();
    }

    private static String token(SecretKey key, Instant expiresAt, String role) {
        return Jwts.builder().issuer("strata").audience().add("strata-clients").and().subject("admin")
                .claim("roles", List.of(role)).issuedAt(Date.from(expiresAt.minusSeconds(3600)))
                .expiration(Date.from(expiresAt)).signWith(key, Jwts.SIG.HS256).compact();
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
