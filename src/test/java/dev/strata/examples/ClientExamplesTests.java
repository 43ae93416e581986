package dev.strata.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import dev.strata.support.ClientExamples;
import dev.strata.support.StrataIntegrationTest;
import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every document under client-examples/ parses and validates against the served schema. */
class ClientExamplesTests extends StrataIntegrationTest {

    @Autowired
    GraphQlSource graphQlSource;

    static Stream<Path> documents() {
        return ClientExamples.all().stream();
    }

    @Test
    void thereAreExamplesForEveryClient() {
        assertThat(ClientExamples.all()).extracting(p -> p.getParent().getFileName().toString())
                .contains("mobile", "feed", "admin");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void documentValidatesAgainstTheSchema(Path document) throws IOException {
        ExecutionInput input = ExecutionInput.newExecutionInput(Files.readString(document)).build();
        ParseAndValidateResult result = ParseAndValidate.parseAndValidate(graphQlSource.schema(), input);
        assertThat(result.getErrors()).as(document.toString()).isEmpty();
    }
}
