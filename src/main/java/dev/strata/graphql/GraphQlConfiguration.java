package dev.strata.graphql;

import java.time.ZoneId;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.language.ObjectTypeDefinition;
import graphql.language.TypeName;
import graphql.schema.DataFetcher;
import graphql.schema.PropertyDataFetcher;
import graphql.schema.idl.FieldWiringEnvironment;
import graphql.schema.idl.WiringFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** Shared GraphQL plumbing: scalars, global IDs on every Node, and the query guards. */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

    @Bean
    RuntimeWiringConfigurer strataWiring(@Value("${strata.time-zone:Asia/Shanghai}") ZoneId zone) {
        return new RuntimeWiringConfigurer() {
            @Override
            public void configure(graphql.schema.idl.RuntimeWiring.Builder builder) {
                builder.scalar(Scalars.dateTime(zone)).scalar(Scalars.date()).scalar(Scalars.decimal())
                        .scalar(Scalars.duration());
            }

            @Override
            public void configure(graphql.schema.idl.RuntimeWiring.Builder builder, java.util.List<WiringFactory> container) {
                container.add(new NodeIdWiringFactory());
            }
        };
    }

    /**
     * Documents are parsed and validated once (the cache holds the most recently used 500), and the instrumentation
     * beans, in the order Spring Boot chains them, are chained without the per-field hooks none of them implements.
     */
    @Bean
    GraphQlSourceBuilderCustomizer documentCache(org.springframework.beans.factory.ObjectProvider<Instrumentation> instrumentations) {
        DocumentCache cache = new DocumentCache(500);
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(cache)
                .instrumentation(new LeanInstrumentationChain(instrumentations.orderedStream().toList())));
    }

    /** Replaces Spring Boot's observation instrumentation: requests are timed, fields are not. */
    @Bean
    org.springframework.graphql.observation.GraphQlObservationInstrumentation requestObservations(
            io.micrometer.observation.ObservationRegistry registry, OperationMetrics operations) {
        return new RequestObservations(registry, operations);
    }

    /** Depth depends on the document alone: each document's operation is walked once (see {@link PassedDocuments}). */
    @Bean
    Instrumentation maxQueryDepthInstrumentation(GraphQlLimits limits) {
        return new PassedDocuments(new MaxQueryDepthInstrumentation(limits.maxDepth()));
    }

    /** Complexity (a field counts one) depends on the document alone: walked once per document's operation. */
    @Bean
    Instrumentation maxQueryComplexityInstrumentation(GraphQlLimits limits) {
        return new PassedDocuments(new MaxQueryComplexityInstrumentation(limits.maxComplexity()));
    }

    @Bean
    Instrumentation requestLimitsInstrumentation(GraphQlLimits limits) {
        return new RequestLimitsInstrumentation(limits);
    }

    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<BodySizeFilter> bodySizeFilter(GraphQlLimits limits) {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(new BodySizeFilter(limits));
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<RequestIds> requestIds() {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(new RequestIds());
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    Instrumentation requestTimeoutInstrumentation(GraphQlLimits limits) {
        return new RequestTimeoutInstrumentation(limits.requestTimeout());
    }

    /** Serves {@code id} of every type implementing Node as the opaque global ID of the stored entity. */
    static final class NodeIdWiringFactory implements WiringFactory {

        @Override
        public boolean providesDataFetcher(FieldWiringEnvironment environment) {
            return environment.getFieldDefinition().getName().equals("id")
                    && environment.getParentType() instanceof ObjectTypeDefinition type
                    && type.getImplements().stream()
                            .anyMatch(t -> t instanceof TypeName name && name.getName().equals("Node"));
        }

        /** A property read of graphql-java's own kind: no per-field wrapping by Spring or the instrumentations. */
        @Override
        public DataFetcher<?> getDataFetcher(FieldWiringEnvironment environment) {
            String type = environment.getParentType().getName();
            return PropertyDataFetcher.fetching(source -> source instanceof NodeEntity entity ? GlobalId.encode(type, entity.id()) : null);
        }
    }
}
