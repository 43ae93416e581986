package dev.strata.graphql;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLSchema;

/**
 * What an operation would cost before any of it runs: a field costs 1 plus its children times its page
 * size ({@code first}, default 20; {@code limit}, {@code sampleSize}, {@code months}), so 330 aliases of
 * {@code customers(first: 100)} weigh what they would fetch. Also counts aliases and finds the first
 * argument string or list over its limit.
 */
public record OperationCost(long cost, int aliases, int rootFields, String overlongArgument) {

    private static final List<String> SIZE_ARGUMENTS = List.of("first", "limit", "sampleSize", "months");
    private static final long SATURATED = Long.MAX_VALUE / 4;

    /** Analyses a normalized operation; {@code maxString}/{@code maxList} bound argument values. */
    public static OperationCost of(ExecutableNormalizedOperation operation, GraphQLSchema schema, int maxString,
            int maxList) {
        Walk walk = new Walk(schema, maxString, maxList);
        long cost = 0;
        for (ExecutableNormalizedField root : operation.getTopLevelFields()) {
            cost = add(cost, walk.cost(root));
        }
        return new OperationCost(cost, walk.aliases, operation.getTopLevelFields().size(), walk.overlong);
    }

    /** The page size a field multiplies its children by: its size argument, the default page when absent, else 1. */
    static long pageSize(ExecutableNormalizedField field, GraphQLSchema schema) {
        for (String name : SIZE_ARGUMENTS) {
            if (field.getResolvedArguments().get(name) instanceof Number size) {
                return Math.max(1, size.longValue());
            }
        }
        if (field.getName().startsWith("__")) {
            return 1;
        }
        for (GraphQLFieldDefinition definition : field.getFieldDefinitions(schema)) {
            if (definition.getArgument("first") != null) {
                return Paging.DEFAULT_FIRST;
            }
        }
        return 1;
    }

    private static long add(long a, long b) {
        return Math.min(SATURATED, a + b);
    }

    /** One pass over the tree, remembering aliases and the first overlong argument. */
    private static final class Walk {
        private final GraphQLSchema schema;
        private final int maxString;
        private final int maxList;
        private int aliases;
        private String overlong;

        Walk(GraphQLSchema schema, int maxString, int maxList) {
            this.schema = schema;
            this.maxString = maxString;
            this.maxList = maxList;
        }

        long cost(ExecutableNormalizedField field) {
            if (field.getAlias() != null) {
                aliases++;
            }
            if (overlong == null) {
                field.getResolvedArguments().forEach((name, value) -> check(field.getName() + "." + name, value));
            }
            long children = 0;
            for (ExecutableNormalizedField child : field.getChildren()) {
                children = add(children, cost(child));
            }
            return add(1, Math.min(SATURATED, children * pageSize(field, schema)));
        }

        private void check(String path, Object value) {
            if (overlong != null) {
                return;
            }
            if (value instanceof CharSequence text && text.length() > maxString) {
                overlong = "a string in " + path + " is longer than " + maxString + " characters";
            } else if (value instanceof Collection<?> list) {
                if (list.size() > maxList) {
                    overlong = "a list in " + path + " has more than " + maxList + " items";
                }
                list.forEach(item -> check(path, item));
            } else if (value instanceof Map<?, ?> map) {
                map.forEach((key, item) -> check(path + "." + key, item));
            }
        }
    }
}
