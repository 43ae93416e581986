package dev.strata.graphql;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Once a request passes its deadline no further field is resolved. */
class RequestTimeoutInstrumentationTests {

    private final AtomicInteger resolvedAfterSlow = new AtomicInteger();

    @Test
    void fieldsAfterTheDeadlineAreNotResolved() {
        ExecutionResult result = graphQl(Duration.ofMillis(200)).execute("{ slow after }");
        assertThat(result.getErrors()).isNotEmpty();
        assertThat(resolvedAfterSlow).hasValue(0);
    }

    /** Once past the deadline the execution is cancelled: no field of any other branch is fetched either. */
    @Test
    void passingTheDeadlineCancelsEveryOutstandingFetch() {
        ExecutionResult result = graphQl(Duration.ofMillis(200)).execute("{ slow after again: after also: after }");
        assertThat(result.getErrors()).isNotEmpty();
        assertThat(resolvedAfterSlow).hasValue(0);
    }

    @Test
    void fastRequestsAreUntouched() {
        ExecutionResult result = graphQl(Duration.ofSeconds(10)).execute("{ slow after }");
        assertThat(result.getErrors()).isEmpty();
        assertThat(resolvedAfterSlow).hasValue(1);
    }

    private GraphQL graphQl(Duration timeout) {
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(
                new SchemaParser().parse("type Query { slow: String after: String }"),
                RuntimeWiring.newRuntimeWiring().type("Query", type -> type
                        .dataFetcher("slow", env -> {
                            Thread.sleep(300);
                            return "slow";
                        })
                        .dataFetcher("after", env -> {
                            resolvedAfterSlow.incrementAndGet();
                            return "after";
                        })).build());
        return GraphQL.newGraphQL(schema).instrumentation(new RequestTimeoutInstrumentation(timeout)).build();
    }
}
