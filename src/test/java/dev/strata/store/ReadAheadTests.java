package dev.strata.store;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading ahead hands over every item once, prepared, in order and in batches, and ends with the source's failure. */
class ReadAheadTests {

    @Test
    void everyItemArrivesOncePreparedInOrderInBatchesOfTheSize() {
        List<Integer> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        ReadAhead.forEachBatch(range(0, 10_007), 1000, batch -> batch.stream().map(i -> -i).toList(), batch -> {
            sizes.add(batch.size());
            seen.addAll(batch);
        });

        assertThat(seen).containsExactlyElementsOf(IntStream.range(0, 10_007).map(i -> -i).boxed().toList());
        assertThat(sizes).hasSize(11).allMatch(size -> size <= 1000);
    }

    @Test
    void aSourceThatFailsEndsTheReadWithItsFailure() {
        Consumer<Consumer<Integer>> failing = sink -> {
            sink.accept(1);
            throw new IllegalStateException("store gone");
        };
        List<Integer> seen = new ArrayList<>();

        assertThatThrownBy(() -> ReadAhead.forEachBatch(failing, 100, batch -> batch, seen::addAll)).hasMessage("store gone");
    }

    private static Consumer<Consumer<Integer>> range(int from, int to) {
        return sink -> IntStream.range(from, to).forEach(sink::accept);
    }
}
