package dev.strata.card;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Runs concurrent callers' work as batches (group commit): while one batch is written the next callers queue, and
 * whoever writes next takes the whole queue, so a burst of visits costs a few store round trips per batch instead of
 * a dozen per visit. Each caller returns once its own item is written; a failed batch fails each caller in it. The
 * writer wakes each caller of its batch directly and, when it is done, the caller at the head of the queue to write
 * next, so callers whose items are written never queue for the writer's lock one after another.
 */
final class GroupCommit<T> {

    private final ConcurrentLinkedQueue<Entry<T>> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writer = new ReentrantLock();
    private final Consumer<List<T>> work;
    private final int maxBatch;

    private static final class Entry<T> {
        final T item;
        final Thread caller = Thread.currentThread();
        volatile boolean done;
        RuntimeException failure;

        Entry(T item) {
            this.item = item;
        }
    }

    GroupCommit(int maxBatch, Consumer<List<T>> work) {
        this.maxBatch = maxBatch;
        this.work = work;
    }

    /** Writes the item with whatever else is queued; returns when it is written, or throws what failed its batch. */
    void submit(T item) {
        Entry<T> mine = new Entry<>(item);
        queue.add(mine);
        boolean interrupted = false;
        while (!mine.done) {
            if (writer.tryLock()) {
                try {
                    while (!mine.done) {
                        run(drain());
                    }
                } finally {
                    writer.unlock();
                }
                // Whoever queued while this batch was written failed to take the lock before it was released, so the
                // head of the queue is woken to write next (or finds its item already written by another writer).
                Entry<T> next = queue.peek();
                if (next != null) {
                    LockSupport.unpark(next.caller);
                }
            } else {
                LockSupport.park(this);
                interrupted |= Thread.interrupted();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
    }

    private List<Entry<T>> drain() {
        List<Entry<T>> batch = new ArrayList<>();
        Entry<T> next;
        while (batch.size() < maxBatch && (next = queue.poll()) != null) {
            batch.add(next);
        }
        return batch;
    }

    private void run(List<Entry<T>> batch) {
        RuntimeException failure = null;
        try {
            work.accept(batch.stream().map(e -> e.item).toList());
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Entry<T> entry : batch) {
            entry.failure = failure;
            entry.done = true;
            LockSupport.unpark(entry.caller);
        }
    }
}
