package dev.strata.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.junit.jupiter.api.Test;

/** The public survey answer is throttled per client address before it reaches the store. */
class SurveyThrottleTests {

    @Test
    void anAddressPastItsBudgetIsRefusedForTheMinuteWhileAnotherAddressIsNot() {
        Surveys surveys = new Surveys(null, null, Clock.systemUTC(), 2);
        var bad = new Surveys.RecordSurveyAnswerInput("not-a-token", 5, null);
        assertThat(surveys.answer(bad, "10.0.0.1").userErrors().get(0).code()).isEqualTo("NOT_FOUND");
        assertThat(surveys.answer(bad, "10.0.0.1").userErrors().get(0).code()).isEqualTo("NOT_FOUND");
        assertThat(surveys.answer(bad, "10.0.0.1").userErrors()).singleElement()
                .satisfies(e -> assertThat(e.code()).isEqualTo("RATE_LIMITED"));
        assertThat(surveys.answer(bad, "10.0.0.2").userErrors().get(0).code()).isEqualTo("NOT_FOUND");
    }
}
