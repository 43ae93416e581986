package dev.strata.store;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading ahead hands over every item once, prepared and in batches, from one source or several read at once. */
class ReadAheadTests {

    @Test
    void everyItemOfEverySourceArrivesOncePreparedInBatchesOfTheSize() {
        List<Consumer<Consumer<Integer>>> sources = List.of(range(0, 10_007), range(10_007, 15_000), range(15_000, 15_000));
        List<Integer> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        ReadAhead.forEachBatch(sources, 1000, batch -> batch.stream().map(i -> -i).toList(), batch -> {
            sizes.add(batch.size());
            seen.addAll(batch);
        });

        assertThat(seen).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 15_000).map(i -> -i).boxed().toList());
        assertThat(sizes).allMatch(size -> size <= 1000).hasSize(11 + 5);
    }

    @Test
    void aSourceThatFailsEndsTheReadWithItsFailure() {
        Consumer<Consumer<Integer>> failing = sink -> {
            sink.accept(1);
            throw new IllegalStateException("store gone");
        };
        List<Integer> seen = new ArrayList<>();

        assertThatThrownBy(() -> ReadAhead.forEachBatch(List.of(range(0, 5000), failing), 100, batch -> batch, seen::addAll))
                .hasMessage("store gone");
    }

    private static Consumer<Consumer<Integer>> range(int from, int to) {
        return sink -> IntStream.range(from, to).forEach(sink::accept);
    }
}
