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

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
