package dev.strata.graphql;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.language.Document;
import graphql.parser.Parser;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Parsed documents are reused by text and operation, failed ones never, and request ids never repeat. */
class DocumentCacheTests {

    private final AtomicInteger parses = new AtomicInteger();

    private PreparsedDocumentEntry parse(ExecutionInput input) {
        parses.incrementAndGet();
        return new PreparsedDocumentEntry(Parser.parse(input.getQuery()));
    }

    private PreparsedDocumentEntry fail(ExecutionInput input) {
        parses.incrementAndGet();
        List<GraphQLError> errors = List.of(ValidationError.newValidationError()
                .validationErrorType(ValidationErrorType.FieldUndefined).description("no such field").build());
        return new PreparsedDocumentEntry(errors);
    }

    @Test
    void aDocumentIsParsedOncePerTextAndOperation() {
        DocumentCache cache = new DocumentCache(10);
        ExecutionInput a = ExecutionInput.newExecutionInput("query A { a }").operationName("A").build();
        ExecutionInput sameText = ExecutionInput.newExecutionInput("query A { a }").operationName("A").build();
        ExecutionInput otherOperation = ExecutionInput.newExecutionInput("query A { a }").operationName("B").build();
        Document first = cache.getDocumentAsync(a, this::parse).join().getDocument();
        Document second = cache.getDocumentAsync(sameText, this::parse).join().getDocument();
        cache.getDocumentAsync(otherOperation, this::parse).join();
        assertThat(second).isSameAs(first);
        assertThat(parses).hasValue(2);
    }

    @Test
    void aDocumentThatFailedIsParsedAgainEveryTime() {
        DocumentCache cache = new DocumentCache(10);
        ExecutionInput bad = ExecutionInput.newExecutionInput("{ nope }").build();
        assertThat(cache.getDocumentAsync(bad, this::fail).join().hasErrors()).isTrue();
        assertThat(cache.getDocumentAsync(bad, this::fail).join().hasErrors()).isTrue();
        assertThat(parses).hasValue(2);
    }

    @Test
    void theCacheKeepsNoMoreThanItsCapacity() {
        DocumentCache cache = new DocumentCache(5);
        IntStream.range(0, 50).forEach(i -> cache.getDocumentAsync(
                ExecutionInput.newExecutionInput("{ f" + i + " }").build(), this::parse).join());
        parses.set(0);
        IntStream.range(0, 50).forEach(i -> cache.getDocumentAsync(
                ExecutionInput.newExecutionInput("{ f" + i + " }").build(), this::parse).join());
        assertThat(parses.get()).isGreaterThanOrEqualTo(45);
    }

    @Test
    void requestIdsFromManyThreadsAreDistinctUuids() {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 20_000).parallel().forEach(i -> ids.add(RequestIds.newId()));
        assertThat(ids).hasSize(20_000).allMatch(id -> id.matches("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}"));
    }
}
