package dev.strata.graphql;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.validation.ValidationError;

/**
 * Runs a check that depends on the document alone (depth, complexity) once per parsed document (by identity, as
 * {@link DocumentCache} hands them out) and operation that passed it, instead of walking the document on every request.
 * A document with {@code @skip} or {@code @include} is checked every time: its shape then depends on the variables.
 */
final class PassedDocuments implements Instrumentation {

    private final Instrumentation check;
    /** By identity, and weakly: a document the cache let go of is forgotten here too. No lock on the request path. */
    private final Cache<Document, Set<String>> passed = Caffeine.newBuilder().weakKeys().build();

    PassedDocuments(Instrumentation check) {
        this.check = check;
    }

    @Override
    public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
        return check.createStateAsync(parameters);
    }

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
            InstrumentationState state) {
        return check.beginValidation(parameters, state);
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
            InstrumentationState state) {
        ExecutionContext context = parameters.getExecutionContext();
        Document document = context.getDocument();
        String operation = String.valueOf(context.getOperationDefinition().getName());
        String query = context.getExecutionInput().getQuery();
        boolean conditional = query == null || query.contains("@skip") || query.contains("@include");
        if (!conditional) {
            Set<String> operations = passed.getIfPresent(document);
            if (operations != null && operations.contains(operation)) {
                return SimpleInstrumentationContext.noOp();
            }
        }
        InstrumentationContext<ExecutionResult> result = check.beginExecuteOperation(parameters, state);
        if (!conditional) {
            passed.get(document, d -> ConcurrentHashMap.newKeySet()).add(operation);
        }
        return result;
    }
}
