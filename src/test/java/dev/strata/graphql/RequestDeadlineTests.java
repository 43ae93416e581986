package dev.strata.graphql;

import java.time.Duration;
import java.util.Map;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/** The deadline is hard: the answer leaves at the deadline even while a fetch still runs. */
class RequestDeadlineTests {

    @Test
    void theAnswerLeavesAtTheDeadlineWhateverIsStillRunning() {
        GraphQlLimits limits = new GraphQlLimits(0, 0, Duration.ofMillis(200), null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        WebGraphQlRequest request = new WebGraphQlRequest(java.net.URI.create("http://localhost/graphql"), new HttpHeaders(),
                new LinkedMultiValueMap<>(), null, Map.of(), Map.of("query", "{ slow }"), "1", null);
        long start = System.nanoTime();
        WebGraphQlResponse response = new RequestGuardInterceptor(limits)
                .intercept(request, r -> Mono.<WebGraphQlResponse>never()).block(Duration.ofSeconds(5));
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(tookMs).isBetween(150L, 2000L);
        assertThat(response.getErrors()).extracting(ResponseError::getErrorType).extracting(Object::toString)
                .containsExactly("TIMEOUT");
    }

    @Test
    void fastAnswersPassUntouched() {
        GraphQlLimits limits = GraphQlLimits.defaults();
        WebGraphQlRequest request = new WebGraphQlRequest(java.net.URI.create("http://localhost/graphql"), new HttpHeaders(),
                new LinkedMultiValueMap<>(), null, Map.of(), Map.of("query", "{ fast }"), "1", null);
        ExecutionResult result = ExecutionResult.newExecutionResult().data(Map.of("fast", "yes")).build();
        WebGraphQlResponse response = new RequestGuardInterceptor(limits).intercept(request, r -> Mono.just(
                new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(ExecutionInput.newExecutionInput("{ fast }").build(),
                        result)))).block();
        assertThat(response.getErrors()).isEmpty();
        assertThat(response.getData().toString()).contains("fast=yes");
    }
}
