package dev.strata.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A completed contact earns a survey token; the customer answers once, anonymously; a bad token is one NOT_FOUND. */
class SurveyTests extends CardTestSupport {

    private static final String CALL = """
            mutation($i: RecordTouchpointInput!) { recordTouchpoint(input: $i) { touchpoint { surveyToken } userErrors { code } } }""";
    private static final String ANSWER = """
            mutation($i: RecordSurveyAnswerInput!) { recordSurveyAnswer(input: $i) { recorded userErrors { field code } } }""";

    private String call(String customer, String outcome) {
        return asRmA.document(CALL).variable("i", Map.of("customerId", customer, "channel", "PHONE_CALL", "outcome", outcome))
                .execute().path("recordTouchpoint.userErrors").entityList(Object.class).hasSize(0)
                .path("recordTouchpoint.touchpoint.surveyToken").entity(String.class).get();
    }

    @Test
    void aReachedCustomerAnswersOnceThroughTheTokenWithoutSigningIn() {
        String token = call(book.customer(rmA, "60000.00"), "REACHED");
        assertThat(token).hasSize(32);
        anonymous().document(ANSWER).variable("i", Map.of("token", token, "score", 4, "comment", "很耐心")).execute()
                .path("recordSurveyAnswer.recorded").entity(Boolean.class).isEqualTo(true)
                .path("recordSurveyAnswer.userErrors").entityList(Object.class).hasSize(0);
        anonymous().document(ANSWER).variable("i", Map.of("token", token, "score", 1)).execute()
                .path("recordSurveyAnswer.recorded").entity(Boolean.class).isEqualTo(false)
                .path("recordSurveyAnswer.userErrors[*].code").entityList(String.class).containsExactly("ALREADY_ANSWERED");
    }

    @Test
    void anUnansweredCallEarnsNoSurveyAndAMarketerSeesNoToken() {
        String customer = book.customer(rmA, "60000.00");
        asRmA.document(CALL).variable("i", Map.of("customerId", customer, "channel", "PHONE_CALL", "outcome", "NO_ANSWER"))
                .execute().path("recordTouchpoint.touchpoint.surveyToken").valueIsNull();
        call(customer, "CONVERTED");
        asMarketer.document("query($id: ID!) { node(id: $id) { ... on Customer { touchpoints(first: 5) { edges { node { surveyToken } } } } } }")
                .variable("id", customer).execute()
                .path("node.touchpoints.edges[*].node.surveyToken").entityList(Object.class)
                .satisfies(tokens -> assertThat(tokens).containsOnlyNulls());
    }

    @Test
    void anUnknownAMalformedTokenAndABadScoreAreEachOneUserError() {
        for (String token : List.of("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "x'; drop", "")) {
            anonymous().document(ANSWER).variable("i", Map.of("token", token, "score", 5)).execute()
                    .path("recordSurveyAnswer.userErrors").entityList(Map.class).hasSize(1)
                    .path("recordSurveyAnswer.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        }
        String token = call(book.customer(rmA, "60000.00"), "INTERESTED");
        anonymous().document(ANSWER).variable("i", Map.of("token", token, "score", 6)).execute()
                .path("recordSurveyAnswer.userErrors[0].field").entityList(String.class).containsExactly("score");
    }
}
