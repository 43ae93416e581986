package dev.strata.graphql;

import java.util.Locale;
import java.util.function.Function;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

/** A custom scalar carried as a JSON string, defined by how to parse it and how to format it. */
final class StringScalar<T> implements Coercing<T, String> {

    private final String name;
    private final Class<T> type;
    private final Function<String, T> parser;
    private final Function<Object, String> formatter;
    private final boolean acceptsIntLiterals;

    private StringScalar(String name, Class<T> type, Function<String, T> parser, Function<Object, String> formatter,
            boolean acceptsIntLiterals) {
        this.name = name;
        this.type = type;
        this.parser = parser;
        this.formatter = formatter;
        this.acceptsIntLiterals = acceptsIntLiterals;
    }

    static <T> GraphQLScalarType scalar(String name, String description, Class<T> type, Function<String, T> parser,
            Function<Object, String> formatter, boolean acceptsIntLiterals) {
        return GraphQLScalarType.newScalar().name(name).description(description)
                .coercing(new StringScalar<>(name, type, parser, formatter, acceptsIntLiterals)).build();
    }

    @Override
    public String serialize(Object value, GraphQLContext context, Locale locale) {
        try {
            return formatter.apply(value);
        } catch (RuntimeException e) {
            throw new CoercingSerializeException("Cannot serialize " + value.getClass().getSimpleName() + " as " + name);
        }
    }

    @Override
    public T parseValue(Object input, GraphQLContext context, Locale locale) {
        if (type.isInstance(input)) {
            return type.cast(input);
        }
        if (input instanceof String text || (acceptsIntLiterals && input instanceof Number)) {
            try {
                return parser.apply(input.toString());
            } catch (RuntimeException e) {
                throw new CoercingParseValueException("Invalid " + name);
            }
        }
        throw new CoercingParseValueException(name + " must be a string, got " + input.getClass().getSimpleName());
    }

    @Override
    public T parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
        String text;
        if (input instanceof StringValue string) {
            text = string.getValue();
        } else if (acceptsIntLiterals && input instanceof IntValue integer) {
            text = integer.getValue().toString();
        } else {
            throw new CoercingParseLiteralException(name + " must be a string literal");
        }
        try {
            return parser.apply(text);
        } catch (RuntimeException e) {
            throw new CoercingParseLiteralException("Invalid " + name);
        }
    }

    @Override
    public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
        // graphql-java may hand over the raw external value (a JSON string) when it normalises variables
        return StringValue.of(input instanceof String text ? text : serialize(input, context, locale));
    }
}
