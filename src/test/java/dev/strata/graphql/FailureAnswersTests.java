package dev.strata.graphql;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import dev.strata.security.Role;
import dev.strata.support.ClientExamples;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every mutation that names a customer or label by ID answers each kind of ID failure the one way the README's API
 * conventions give, and a customer outside the caller's scope answers exactly as one that does not exist.
 */
class FailureAnswersTests extends FailureAnswersSupport {

    private static final String SNAPSHOT = "query($id: ID!) { customer(id: $id) { updatedAt labels { label { id } } "
            + "identities { externalId } touchpoints { totalCount } } }";

    private String labelToApply;
    private String labelToRemove;

    /**
     * A mutation naming one customer: who sends it, its input around the ID, where its userErrors are, the path of
     * the ID, what shows nothing was done (0 or null), and whether the sender's scope leaves customers out.
     */
    record Case(String name, String document, Supplier<String> token, Function<String, Object> input, String errors,
            List<String> field, String nothing, Integer nothingValue, boolean scoped) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    void labels() {
        labelToApply = label();
        labelToRemove = label();
        applyLabel(marketer, labelToRemove, List.of(others)).path("applyLabel.applied").entity(Integer.class).isEqualTo(1);
    }

    Stream<Case> customerMutations() {
        return Stream.of(
                new Case("applyLabel", "mobile/ApplyLabel", () -> rm,
                        id -> Map.of("labelId", labelToApply, "customerIds", List.of(id)),
                        "applyLabel.userErrors", List.of("customerIds", "0"), "applyLabel.applied", 0, true),
                new Case("removeLabel", "mobile/RemoveLabel", () -> rm,
                        id -> Map.of("labelId", labelToRemove, "customerIds", List.of(id)),
                        "removeLabel.userErrors", List.of("customerIds", "0"), "removeLabel.removed", 0, true),
                new Case("recordTouchpoint", "mobile/LogVisit", () -> rm,
                        id -> Map.of("customerId", id, "channel", "PHONE_CALL", "outcome", "REACHED"),
                        "recordTouchpoint.userErrors", List.of("customerId"), "recordTouchpoint.touchpoint", null, true),
                new Case("linkIdentity", "mini-program/LinkIdentity", () -> rm,
                        id -> Map.of("customerId", id, "channel", "WECHAT", "externalId", unique("wx")),
                        "linkIdentity.userErrors", List.of("customerId"), "linkIdentity.customer", null, true),
                new Case("mergeCustomers survivorId", "mini-program/MergeCustomers", () -> marketer,
                        id -> Map.of("survivorId", id, "mergedId", others),
                        "mergeCustomers.userErrors", List.of("survivorId"), "mergeCustomers.survivor", null, false),
                new Case("mergeCustomers mergedId", "mini-program/MergeCustomers", () -> marketer,
                        id -> Map.of("survivorId", own, "mergedId", id),
                        "mergeCustomers.userErrors", List.of("mergedId"), "mergeCustomers.survivor", null, false),
                new Case("trackEvents", "mini-program/TrackEvents", () -> feed,
                        id -> Map.of("events", List.of(event(id, Instant.now().minusSeconds(60)))),
                        "trackEvents.rejected[0].userErrors", List.of("events", "0", "customerId"), "trackEvents.accepted", 0, false));
    }

    Stream<Case> scopedCustomerMutations() {
        return customerMutations().filter(Case::scoped);
    }

    private GraphQlTester.Response send(Case mutation, String customerId) {
        GraphQlTester.Response response = as(mutation.token().get()).documentName(mutation.document())
                .variable("input", mutation.input().apply(customerId)).execute();
        if (mutation.nothingValue() == null) {
            response.path(mutation.nothing()).valueIsNull();
        } else {
            response.path(mutation.nothing()).entity(Integer.class).isEqualTo(mutation.nothingValue());
        }
        return response;
    }

    private static Map<String, Object> error(String code, String message, List<String> field) {
        return Map.of("code", code, "message", message, "field", field);
    }

    private static String unknownCustomer() {
        return GlobalId.encode("Customer", new ObjectId().toHexString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("customerMutations")
    void aMalformedIdIsAnInvalidIdAtItsPath(Case mutation) {
        assertThat(userErrors(send(mutation, "bad!id~" + unique("x")), mutation.errors()))
                .containsExactly(error("INVALID_ID", "not a valid ID", mutation.field()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("customerMutations")
    void anIdOfAnotherTypeIsAnInvalidId(Case mutation) {
        assertThat(userErrors(send(mutation, labelToApply), mutation.errors()))
                .containsExactly(error("INVALID_ID", "not a valid ID", mutation.field()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("customerMutations")
    void anUnknownCustomerIsNotFound(Case mutation) {
        assertThat(userErrors(send(mutation, unknownCustomer()), mutation.errors()))
                .containsExactly(error("NOT_FOUND", "no such customer", mutation.field()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scopedCustomerMutations")
    void aCustomerOutOfScopeAnswersExactlyAsAnUnknownOneAndIsLeftAlone(Case mutation) {
        Map<String, Object> before = snapshot(others);
        String outOfScope = rawBody(mutation, others);
        String unknown = rawBody(mutation, unknownCustomer());
        assertThat(outOfScope).as("the whole response").contains("NOT_FOUND").isEqualTo(unknown);
        assertThat(userErrors(send(mutation, others), mutation.errors()))
                .containsExactly(error("NOT_FOUND", "no such customer", mutation.field()));
        assertThat(snapshot(others)).isEqualTo(before);
    }

    @Test
    void aBatchOfIdsAnswersEachBadIdByIndexAndChangesTheGoodOnes() {
        String unknown = unknownCustomer();
        GraphQlTester.Response response = applyLabel(rm, label(), List.of(own, "bad!id~", unknown, others));
        response.path("applyLabel.applied").entity(Integer.class).isEqualTo(1);
        assertThat(userErrors(response, "applyLabel.userErrors")).containsExactly(
                error("INVALID_ID", "not a valid ID", List.of("customerIds", "1")),
                error("NOT_FOUND", "no such customer", List.of("customerIds", "2")),
                error("NOT_FOUND", "no such customer", List.of("customerIds", "3")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("labelMutations")
    void aBadLabelIdIsAnInvalidIdOrNotFoundAndNothingIsDone(String mutation) {
        Map<String, List<Map<String, Object>>> answers = Map.of(
                "bad!label~", List.of(error("INVALID_ID", "not a valid ID", List.of("labelId"))),
                own, List.of(error("INVALID_ID", "not a valid ID", List.of("labelId"))),
                GlobalId.encode("Label", new ObjectId().toHexString()), List.of(error("NOT_FOUND", "no such label", List.of("labelId"))));
        answers.forEach((labelId, expected) -> {
            GraphQlTester.Response response = mutation.equals("applyLabel") ? applyLabel(rm, labelId, List.of(own))
                    : removeLabel(rm, labelId, List.of(own));
            response.path(mutation.equals("applyLabel") ? "applyLabel.applied" : "removeLabel.removed").entity(Integer.class)
                    .isEqualTo(0);
            assertThat(userErrors(response, mutation + ".userErrors")).as(labelId).isEqualTo(expected);
        });
    }

    static Stream<String> labelMutations() {
        return Stream.of("applyLabel", "removeLabel");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("customerMutations")
    void aMalformedIdIsNeverRepeatedInTheAnswer(Case mutation) {
        String sent = "bad!id~" + unique("echo");
        assertThat(rawBody(mutation, sent)).contains("INVALID_ID").doesNotContain(sent);
    }

    @Test
    void queriesDoNotRepeatAMalformedIdOrCursorEither() {
        String sent = "bad!cursor~" + unique("echo");
        for (String query : List.of("query($v: ID!) { customer(id: $v) { id } }", "query($v: ID!) { node(id: $v) { id } }",
                "query($v: String) { customers(after: $v) { totalCount } }", "query($v: String) { labels(after: $v) { totalCount } }")) {
            assertThat(raw(marketer, query, Map.of("v", sent))).as(query).contains("BAD_REQUEST").doesNotContain(sent);
        }
    }

    @Test
    void anIdentityTakenNamesItsOwnerOnlyToCallersWhoMayChangeThatCustomer() {
        String openid = unique("taken");
        link(feed, others, openid).path("linkIdentity.userErrors").entityList(Object.class).hasSize(0);
        link(rm, own, openid).path("linkIdentity.userErrors[0].code").entity(String.class).isEqualTo("IDENTITY_TAKEN")
                .path("linkIdentity.userErrors[0].message").entity(String.class)
                .satisfies(message -> assertThat(message).contains("another customer").doesNotContain(others));
        link(marketer, own, openid).path("linkIdentity.userErrors[0].code").entity(String.class).isEqualTo("IDENTITY_TAKEN")
                .path("linkIdentity.userErrors[0].message").entity(String.class)
                .satisfies(message -> assertThat(message).contains(others));
    }

    @Test
    void signingInAsNobodyAnswersExactlyAsAWrongPassword() {
        String username = unique("signin");
        userToken(username, Role.ANALYST);
        String wrongPassword = anonymousLogin(username, "not-the-password");
        String unknownUser = anonymousLogin(username + "x", "not-the-password");
        assertThat(wrongPassword).contains("INVALID_CREDENTIALS").isEqualTo(unknownUser).doesNotContain(username);
    }

    private String anonymousLogin(String username, String password) {
        return raw(null, document("mobile/Login"), Map.of("username", username, "password", password));
    }

    private Map<String, Object> snapshot(String customerId) {
        return asAdmin().document(SNAPSHOT).variable("id", customerId).execute().path("customer")
                .entity(new ParameterizedTypeReference<Map<String, Object>>() {
                }).get();
    }

    private String rawBody(Case mutation, String customerId) {
        return raw(mutation.token().get(), document(mutation.document()), Map.of("input", mutation.input().apply(customerId)));
    }

    /** The response body as sent over the wire, to check what it does and does not contain. */
    private String raw(String token, String query, Map<String, Object> variables) {
        WebTestClient.RequestBodySpec request = WebTestClient.bindToServer(new JdkClientHttpConnector())
                .baseUrl("http://localhost:" + port + "/graphql").build().post().contentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.bodyValue(Map.of("query", query, "variables", variables)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    private static String document(String name) {
        try {
            return Files.readString(ClientExamples.ROOT.resolve(name + ClientExamples.EXTENSION));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
