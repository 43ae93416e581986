package dev.strata.shared;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What is kept, what is read again: fresh keys are not re-read, written keys are, and a read overtaken by a write is not kept. */
class RecentReadsTests {

    private final Map<String, String> store = new HashMap<>(Map.of("a", "A1", "b", "B1"));
    private final AtomicInteger reads = new AtomicInteger();

    private Map<String, String> read(List<String> keys) {
        reads.incrementAndGet();
        Map<String, String> found = new HashMap<>();
        keys.forEach(key -> {
            if (store.containsKey(key)) {
                found.put(key, store.get(key));
            }
        });
        return found;
    }

    @Test
    void freshKeysAreServedAndWrittenKeysReadAgain() {
        RecentReads<String> recent = new RecentReads<>(Duration.ofHours(1), 100);
        assertThat(recent.get(List.of("a", "b", "x"), this::read)).isEqualTo(Map.of("a", "A1", "b", "B1"));
        assertThat(recent.get(List.of("a", "b"), this::read)).isEqualTo(Map.of("a", "A1", "b", "B1"));
        assertThat(reads).hasValue(1);
        store.put("a", "A2");
        recent.written(List.of("a"));
        assertThat(recent.get(List.of("a", "b"), this::read)).isEqualTo(Map.of("a", "A2", "b", "B1"));
        assertThat(reads).hasValue(2);
    }

    @Test
    void aReadOvertakenByAWriteIsNotKept() {
        RecentReads<String> recent = new RecentReads<>(Duration.ofHours(1), 100);
        assertThat(recent.get(List.of("a"), keys -> {
            Map<String, String> old = read(keys);
            store.put("a", "A2");
            recent.written(List.of("a"));
            return old;
        })).isEqualTo(Map.of("a", "A1"));
        assertThat(recent.get(List.of("a"), this::read)).isEqualTo(Map.of("a", "A2"));
    }

    @Test
    void entriesOlderThanTheMaxAgeAreReadAgain() {
        RecentReads<String> recent = new RecentReads<>(Duration.ZERO, 100);
        recent.get(List.of("a"), this::read);
        store.put("a", "A2");   // another instance's write: nothing here is told
        assertThat(recent.get(List.of("a"), this::read)).isEqualTo(Map.of("a", "A2"));
    }
}
