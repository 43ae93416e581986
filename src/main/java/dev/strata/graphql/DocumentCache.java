package dev.strata.graphql;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

/**
 * Remembers parsed and validated documents by their text: clients send the same few documents over
 * and over, so parsing and validation run once per document, not once per request. Concurrent and bounded: every
 * request reads it, so it takes no lock that request threads would queue on.
 */
final class DocumentCache implements PreparsedDocumentProvider {

    private final Cache<String, PreparsedDocumentEntry> entries;

    DocumentCache(int capacity) {
        this.entries = Caffeine.newBuilder().maximumSize(capacity).executor(Runnable::run).build();
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String key = input.getQuery() + '\u0000' + input.getOperationName();
        PreparsedDocumentEntry cached = entries.getIfPresent(key);
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        PreparsedDocumentEntry entry = parseAndValidate.apply(input);
        if (!entry.hasErrors()) {
            entries.put(key, entry);
        }
        return CompletableFuture.completedFuture(entry);
    }
}
