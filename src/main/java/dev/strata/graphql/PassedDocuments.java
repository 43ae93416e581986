package dev.strata.graphql;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Document;

/**
 * Remembers the parsed documents (by identity, as {@link DocumentCache} hands them out) and operations that passed a
 * check depending on the document alone (depth, complexity), so the check walks a document once, not once per request.
 * A document with {@code @skip} or {@code @include} is checked every time: its shape then depends on the variables.
 */
final class PassedDocuments {

    private final Map<Document, Set<String>> passed = Collections.synchronizedMap(new WeakHashMap<>());

    /** Runs {@code check} (which throws to refuse) unless this document's operation already passed it. */
    InstrumentationContext<ExecutionResult> check(InstrumentationExecuteOperationParameters parameters,
            Supplier<InstrumentationContext<ExecutionResult>> check) {
        ExecutionContext context = parameters.getExecutionContext();
        Document document = context.getDocument();
        String operation = String.valueOf(context.getOperationDefinition().getName());
        String query = context.getExecutionInput().getQuery();
        boolean conditional = query == null || query.contains("@skip") || query.contains("@include");
        if (!conditional) {
            Set<String> operations = passed.get(document);
            if (operations != null && operations.contains(operation)) {
                return SimpleInstrumentationContext.noOp();
            }
        }
        InstrumentationContext<ExecutionResult> result = check.get();
        if (!conditional) {
            passed.computeIfAbsent(document, d -> ConcurrentHashMap.newKeySet()).add(operation);
        }
        return result;
    }
}
