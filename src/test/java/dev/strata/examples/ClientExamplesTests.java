package dev.strata.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.strata.support.ClientExamples;
import dev.strata.support.StrataIntegrationTest;
import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.language.NonNullType;
import graphql.language.OperationDefinition;
import graphql.language.VariableDefinition;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Every document under client-examples/ validates against the served schema, is executed by a test and has its variables beside it. */
class ClientExamplesTests extends StrataIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    GraphQlSource graphQlSource;

    static Stream<Path> documents() {
        return ClientExamples.all().stream();
    }

    static Stream<Path> variablesFiles() {
        return ClientExamples.allVariables().stream();
    }

    @Test
    void thereAreExamplesForEveryClient() {
        assertThat(ClientExamples.all()).extracting(p -> p.getParent().getFileName().toString())
                .contains("mobile", "mini-program", "feed", "admin");
    }

    /** Tests run documents by name through {@code documentName(...)}; an unused one would go stale unnoticed. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void documentIsExecutedBySomeTest(Path document) throws IOException {
        String usage = "documentName(\"" + ClientExamples.name(document) + "\")";
        try (Stream<Path> sources = Files.walk(Path.of("src/test/java"))) {
            boolean used = sources.filter(p -> p.toString().endsWith(".java")).anyMatch(p -> read(p).contains(usage));
            assertThat(used).as("a test calls %s", usage).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void documentValidatesAgainstTheSchema(Path document) throws IOException {
        ExecutionInput input = ExecutionInput.newExecutionInput(Files.readString(document)).build();
        ParseAndValidateResult result = ParseAndValidate.parseAndValidate(graphQlSource.schema(), input);
        assertThat(result.getErrors()).as(document.toString()).isEmpty();
    }

    /** The house rule: a newcomer reading a document finds what a real client sends with it right beside it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void documentHasItsVariablesBesideItAsAJsonObject(Path document) {
        Path variables = ClientExamples.variablesOf(ClientExamples.name(document));
        assertThat(variables).as("variables of %s", document).exists();
        assertThat(JSON.readTree(read(variables)).isObject()).as("%s is a JSON object", variables).isTrue();
    }

    /** The variables name exactly what the operation declares: none unknown, none required left out. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void variablesMatchTheOperationsDeclarations(Path document) {
        OperationDefinition operation = Parser.parse(read(document)).getDefinitionsOfType(OperationDefinition.class).get(0);
        JsonNode variables = JSON.readTree(read(ClientExamples.variablesOf(ClientExamples.name(document))));
        Set<String> declared = operation.getVariableDefinitions().stream().map(VariableDefinition::getName)
                .collect(Collectors.toSet());
        Set<String> required = operation.getVariableDefinitions().stream()
                .filter(v -> v.getType() instanceof NonNullType && v.getDefaultValue() == null)
                .map(VariableDefinition::getName).collect(Collectors.toSet());
        assertThat(variables.propertyNames()).as("variables sent with %s", document).isSubsetOf(declared)
                .containsAll(required);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variablesFiles")
    void noVariablesFileIsOrphaned(Path variables) {
        String file = variables.getFileName().toString();
        Path document = variables.resolveSibling(
                file.substring(0, file.length() - ClientExamples.VARIABLES_EXTENSION.length()) + ClientExamples.EXTENSION);
        assertThat(document).as("the document %s belongs to", variables).exists();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
