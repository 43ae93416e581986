package dev.strata.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** Group commit: callers arriving while a batch is written are written together next, and a failed batch fails its callers. */
class GroupCommitTests {

    @Test
    void callersQueuedBehindARunningBatchAreWrittenAsOneBatchAndEachReturnsOnceWritten() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
        GroupCommit<Integer> commit = new GroupCommit<>(100, batch -> {
            batches.add(batch);
            if (batch.contains(0)) {
                firstStarted.countDown();
                await(releaseFirst);
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            Future<?> first = pool.submit(() -> commit.submit(0));
            await(firstStarted);
            List<Future<?>> queued = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                int item = i;
                queued.add(pool.submit(() -> commit.submit(item)));
            }
            Thread.sleep(200);
            assertThat(queued).noneMatch(Future::isDone);
            releaseFirst.countDown();
            first.get(5, TimeUnit.SECONDS);
            for (Future<?> f : queued) {
                f.get(5, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(batches).hasSize(2);
        assertThat(batches.get(0)).containsExactly(0);
        assertThat(batches.get(1)).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
    }

    @Test
    void aFailedBatchFailsItsCallerAndTheNextBatchStillRuns() {
        GroupCommit<String> commit = new GroupCommit<>(10, batch -> {
            if (batch.contains("bad")) {
                throw new IllegalStateException("store refused");
            }
        });
        assertThatThrownBy(() -> commit.submit("bad")).isInstanceOf(IllegalStateException.class);
        commit.submit("good");
    }

    @Test
    void underContentionEveryItemIsWrittenOnceInBoundedBatchesBeforeItsCallerReturns() throws Exception {
        java.util.Set<Integer> written = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicInteger writes = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger overlapping = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
        GroupCommit<Integer> commit = new GroupCommit<>(7, batch -> {
            if (running.incrementAndGet() > 1) {
                overlapping.incrementAndGet();
            }
            assertThat(batch).hasSizeBetween(1, 7);
            batch.forEach(item -> assertThat(written.add(item)).as("written once: %s", item).isTrue());
            writes.incrementAndGet();
            if (batch.get(0) % 5 == 0) {
                Thread.yield();
            }
            running.decrementAndGet();
        });
        int threads = 16;
        int each = 500;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<String> late = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> callers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int from = t * each;
                callers.add(pool.submit(() -> {
                    for (int i = from; i < from + each; i++) {
                        commit.submit(i);
                        if (!written.contains(i)) {
                            late.add("returned before written: " + i);
                        }
                    }
                }));
            }
            for (Future<?> caller : callers) {
                caller.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(late).isEmpty();
        assertThat(overlapping).hasValue(0);
        assertThat(written).hasSize(threads * each);
        assertThat(writes.get()).isLessThanOrEqualTo(threads * each);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
