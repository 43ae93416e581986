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
                .contains("mobile", "mini-program", "feed", "admin");
    }

    /** Tests load documents by name through {@link ClientExamples#load}; an unused one would go stale unnoticed. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void documentIsExecutedBySomeTest(Path document) throws IOException {
        String name = ClientExamples.ROOT.relativize(document).toString().replace('\\', '/').replaceAll("\\.graphql$", "");
        try (Stream<Path> sources = Files.walk(Path.of("src/test/java"))) {
            boolean used = sources.filter(p -> p.toString().endsWith(".java")).anyMatch(p -> {
                try {
                    return Files.readString(p).contains("\"" + name + "\"");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertThat(used).as("a test executes client-examples/%s.graphql", name).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void documentValidatesAgainstTheSchema(Path document) throws IOException {
        ExecutionInput input = ExecutionInput.newExecutionInput(Files.readString(document)).build();
        ParseAndValidateResult result = ParseAndValidate.parseAndValidate(graphQlSource.schema(), input);
        assertThat(result.getErrors()).as(document.toString()).isEmpty();
    }
}
