package dev.strata.security;

import dev.strata.support.StrataIntegrationTest;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Public operations are exactly the root fields marked {@code @public}; a name alone makes nothing public. */
class PublicOperationsTests extends StrataIntegrationTest {

    @Autowired
    GraphQlSource graphQlSource;

    @Test
    void thePublicOperationsAreTheMarkedOnes() {
        assertThat(PublicOperations.of(graphQlSource.schema())).contains("Mutation.login")
                .allSatisfy(name -> assertThat(graphQlSource.schema().getFieldDefinition(
                        graphql.schema.FieldCoordinates.coordinates(name.split("\\.")[0], name.split("\\.")[1])))
                        .isNotNull());
    }

    @Test
    void anUnmarkedFieldIsNotPublicWhateverItsName() {
        assertThat(PublicOperations.of(schema("""
                directive @public on FIELD_DEFINITION
                type Query { businessCard: String recordResponse: String ok: String @public }
                """))).containsExactly("Query.ok");
        assertClassification(anonymous().document("{ viewer { username } }").execute(), "UNAUTHORIZED");
    }

    @Test
    void publicOnANonRootFieldStopsStartUp() {
        assertThatThrownBy(() -> PublicOperations.of(schema("""
                directive @public on FIELD_DEFINITION
                type Query { card: Card }
                type Card { phone: String @public }
                """))).hasMessageContaining("Card.phone");
    }

    private static GraphQLSchema schema(String sdl) {
        return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(sdl), RuntimeWiring.MOCKED_WIRING);
    }
}
