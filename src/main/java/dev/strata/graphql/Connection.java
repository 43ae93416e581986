package dev.strata.graphql;

import java.util.List;
import java.util.function.Function;
import java.util.function.IntSupplier;

/** A Relay connection page; {@code totalCount} is computed only when a client selects it. */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, IntSupplier totalCounter) {

    /** One node with its cursor. */
    public record Edge<T>(String cursor, T node) {
    }

    /** Where this page ends and whether another follows. */
    public record PageInfo(boolean hasNextPage, String endCursor) {
    }

    /**
     * Builds a page from up to {@link Paging#fetchSize()} items fetched after the cursor, in order.
     * {@code sortKey} gives the key each cursor encodes.
     */
    public static <T> Connection<T> of(List<T> fetched, Paging paging, Function<T, String> sortKey, IntSupplier totalCounter) {
        boolean hasNext = fetched.size() > paging.first();
        List<T> page = hasNext ? fetched.subList(0, paging.first()) : fetched;
        List<Edge<T>> edges = page.stream().map(node -> new Edge<>(Paging.encodeCursor(sortKey.apply(node)), node)).toList();
        String endCursor = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new Connection<>(edges, new PageInfo(hasNext, endCursor), totalCounter);
    }

    public int totalCount() {
        return totalCounter.getAsInt();
    }
}
