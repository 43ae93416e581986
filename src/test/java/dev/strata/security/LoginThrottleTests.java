package dev.strata.security;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.strata.support.StrataIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed logins slow the guesser, never the real user: by address, by username and address, and by username
 * from unknown addresses; good logins are never counted; one login per request; audit rows stay short.
 */
class LoginThrottleTests extends StrataIntegrationTest {

    private static final String LOGIN = """
            mutation($u: String!, $p: String!) { login(input: {username: $u, password: $p}) { token userErrors { code message } } }
            """;

    @Test
    void aBurstOfGoodLoginsFromOneOfficeAddressAllSucceed() {
        String office = "10.1.0." + (IntStream.range(0, 1).map(i -> (int) (System.nanoTime() % 200)).sum() + 20);
        List<String> users = IntStream.range(0, 40).mapToObj(i -> unique("clerk")).toList();
        users.forEach(u -> userToken(u, Role.ANALYST));
        for (String user : users) {
            assertThat(attempt(office, user, PASSWORD)).as(user).doesNotContain("THROTTLED").contains("token=ey");
        }
    }

    @Test
    void aStrangersGuessesNeverKeepTheRealUserOutOfTheirUsualAddress() {
        String username = unique("victim");
        userToken(username, Role.ANALYST);
        String home = "10.2.0.1";
        assertThat(attempt(home, username, PASSWORD)).contains("token=ey");
        for (int i = 0; i < 40; i++) {
            attempt("10.66.0." + (i % 8), username, "guess-" + i);
        }
        assertThat(attempt("10.66.0.1", username, PASSWORD)).as("the stranger is slowed").contains("THROTTLED");
        assertThat(attempt(home, username, PASSWORD)).as("the real user is not").contains("token=ey");
    }

    @Test
    void repeatedFailuresForOneUsernameFromOneAddressMustWaitEvenWithTheRightPassword() {
        String username = unique("careless");
        userToken(username, Role.ANALYST);
        String address = "10.3.0.9";
        for (int i = 0; i < 5; i++) {
            assertThat(attempt(address, username, "wrong-" + i)).contains("INVALID_CREDENTIALS");
        }
        assertThat(attempt(address, username, PASSWORD)).contains("THROTTLED");
    }

    @Test
    void oneAddressSprayingUsernamesIsSlowedAndUnknownNamesCountAlike() {
        String address = "10.4.0.7";
        String answers = IntStream.range(0, 35).mapToObj(i -> attempt(address, unique("ghost"), "guess"))
                .collect(Collectors.joining());
        assertThat(answers).contains("THROTTLED");
        assertThat(attempt("10.4.0.8", unique("ghost"), "guess")).contains("INVALID_CREDENTIALS");
    }

    @Test
    void onlyOneLoginRunsPerRequest() {
        String aliases = IntStream.range(0, 5).mapToObj(i -> "l" + i + ": login(input: {username: \"nobody" + i
                + "\", password: \"x\"}) { userErrors { code } }").collect(Collectors.joining(" "));
        Map<?, ?> data = anonymous().document("mutation { " + aliases + " }").execute().path("").entity(Map.class).get();
        long refused = data.values().stream().filter(v -> v.toString().contains("ONE_LOGIN_PER_REQUEST")).count();
        assertThat(refused).isEqualTo(4);
    }

    @Test
    void auditEntriesKeepAShortPrefixOfAHugeUsername() {
        String huge = unique("h") + "x".repeat(3900);
        attempt("10.5.0.1", huge, "guess");
        asAdmin().document("{ auditLog(first: 20) { edges { node { action target } } } }").execute()
                .path("auditLog.edges[*].node.target").entityList(String.class)
                .satisfies(targets -> assertThat(targets).allSatisfy(t -> assertThat(t == null ? 0 : t.length())
                        .isLessThanOrEqualTo(100)));
    }

    private String attempt(String address, String username, String password) {
        HttpGraphQlTester client = anonymous().mutate().header("X-Forwarded-For", address).build();
        return client.document(LOGIN).variable("u", username).variable("p", password).execute()
                .path("login").entity(Map.class).get().toString();
    }
}
