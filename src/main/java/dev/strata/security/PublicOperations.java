package dev.strata.security;

import java.util.Set;
import java.util.TreeSet;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.stereotype.Component;

/**
 * Which operations are public is declared in the schema with {@code @public}, next to the field, so a field
 * is public only once it exists and someone marked it. Checked at start-up: the directive on anything but a
 * Query or Mutation field stops the service, and the public list is logged.
 */
@Component
class PublicOperations implements ApplicationRunner {

    static final String DIRECTIVE = "public";
    private static final Logger log = LoggerFactory.getLogger(PublicOperations.class);

    private final GraphQlSource source;

    PublicOperations(GraphQlSource source) {
        this.source = source;
    }

    @Override
    public void run(ApplicationArguments args) {
        log.info("Public operations (no token needed): {}", of(source.schema()));
    }

    /** The public root fields as {@code Type.field}; fails when {@code @public} marks anything else. */
    static Set<String> of(GraphQLSchema schema) {
        Set<String> roots = new TreeSet<>();
        for (GraphQLObjectType root : new GraphQLObjectType[] {schema.getQueryType(), schema.getMutationType()}) {
            if (root != null) {
                roots.add(root.getName());
            }
        }
        Set<String> result = new TreeSet<>();
        for (GraphQLType type : schema.getAllTypesAsList()) {
            if (!(type instanceof GraphQLFieldsContainer container) || container.getName().startsWith("__")) {
                continue;
            }
            for (GraphQLFieldDefinition field : container.getFieldDefinitions()) {
                if (!field.hasAppliedDirective(DIRECTIVE)) {
                    continue;
                }
                if (!roots.contains(container.getName())) {
                    throw new IllegalStateException("@public may mark only Query or Mutation fields, not "
                            + container.getName() + "." + field.getName());
                }
                result.add(container.getName() + "." + field.getName());
            }
        }
        return result;
    }
}
