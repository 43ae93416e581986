package dev.strata.graphql;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import dev.strata.support.ClientExamples;
import graphql.execution.RawVariables;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The default limits admit every client document at its largest page size (every {@code first} at 100, portraits at 50). */
class ClientExampleCostTests {

    private static final GraphQlLimits LIMITS = GraphQlLimits.defaults();
    private static final GraphQLSchema SCHEMA = schema();

    static Stream<Path> documents() {
        return ClientExamples.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    @SuppressWarnings("unchecked")
    void everyClientDocumentIsAdmittedAtItsLargestPage(Path path) throws IOException {
        String text = Files.readString(path);
        Document document = Parser.parse(text);
        Path variablesFile = ClientExamples.variablesOf(ClientExamples.name(path));
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(variablesFile), "no variables beside " + path);
        Map<String, Object> variables = new HashMap<>(Files.exists(variablesFile)
                ? JsonMapper.builder().build().readValue(Files.readString(variablesFile), Map.class) : Map.of());
        boolean portraits = path.getFileName().toString().startsWith("PortraitPage");
        document.getDefinitionsOfType(OperationDefinition.class).forEach(operation -> operation.getVariableDefinitions()
                .stream().filter(v -> v.getName().equals("first")).forEach(v -> variables.put("first", portraits ? 50 : 100)));
        ExecutableNormalizedOperation operation = ExecutableNormalizedOperationFactory
                .createExecutableNormalizedOperationWithRawVariables(SCHEMA, document, null, RawVariables.of(variables));
        OperationCost cost = OperationCost.of(operation, SCHEMA, LIMITS.maxStringLength(), LIMITS.maxListLength());
        System.out.printf("cost %6d  %s%n", cost.cost(), ClientExamples.name(path));
        assertThat(cost.cost()).as("cost of %s", path).isLessThanOrEqualTo(LIMITS.maxCost());
        assertThat(cost.aliases()).isLessThanOrEqualTo(LIMITS.maxAliases());
        assertThat(cost.rootFields()).isLessThanOrEqualTo(LIMITS.maxRootFields());
        assertThat(cost.overlongArgument()).isNull();
        assertThat(text.length()).isLessThanOrEqualTo(LIMITS.maxCharacters());
    }

    /** Every field of the portrait screen, for a page of 50 customers at once. */
    @org.junit.jupiter.api.Test
    void aPageOfFiftyPortraitsWithEveryPortraitFieldIsAdmitted() throws IOException {
        String portrait = Files.readString(Path.of("client-examples/mobile/CustomerPortrait.graphql"));
        String selection = portrait.substring(portrait.indexOf("customer(id: $id) {") + "customer(id: $id) {".length(),
                portrait.lastIndexOf('}'));
        Document document = Parser.parse("{ customers(first: 50) { totalCount edges { node { " + selection + " } } }");
        OperationCost cost = OperationCost.of(ExecutableNormalizedOperationFactory.createExecutableNormalizedOperationWithRawVariables(
                SCHEMA, document, null, RawVariables.emptyVariables()), SCHEMA, LIMITS.maxStringLength(), LIMITS.maxListLength());
        System.out.printf("cost %6d  50 full portraits%n", cost.cost());
        assertThat(cost.cost()).isLessThanOrEqualTo(LIMITS.maxCost());
    }

    private static GraphQLSchema schema() {
        TypeDefinitionRegistry types = new TypeDefinitionRegistry();
        try (Stream<Path> files = Files.list(Path.of("schema"))) {
            for (Path file : files.sorted().toList()) {
                types.merge(new SchemaParser().parse(Files.readString(file)));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring().wiringFactory(new graphql.schema.idl.MockedWiringFactory() {
            @Override
            public boolean providesScalar(graphql.schema.idl.ScalarWiringEnvironment environment) {
                return !java.util.Set.of("DateTime", "Date", "Decimal", "Duration", "Boolean", "String", "Int", "Float", "ID")
                        .contains(environment.getScalarTypeDefinition().getName());
            }
        })
                .scalar(Scalars.dateTime(java.time.ZoneId.of("Asia/Shanghai"))).scalar(Scalars.date())
                .scalar(Scalars.decimal()).scalar(Scalars.duration());
        return new SchemaGenerator().makeExecutableSchema(types, wiring.build());
    }
}
