package dev.strata.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads a stream in batches on a thread of its own, up to two batches ahead of the caller, so reading the store (and
 * whatever turns a batch into what the caller needs) and using what was read overlap on two cores instead of taking
 * turns: for full passes over a collection (scoring runs, building the audience index at start).
 */
public final class ReadAhead {

    private static final int AHEAD = 2;
    private static final ExecutorService READERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "read-ahead");
        thread.setDaemon(true);
        return thread;
    });

    /** A batch, the end of the stream, or the failure that ended it. */
    private record Item<B>(B batch, RuntimeException failure, boolean end) {
    }

    private ReadAhead() {
    }

    /**
     * Hands {@code each}, in this thread, every batch of {@code size} items that {@code source} passes to its sink, after
     * {@code prepare} turned it into what {@code each} takes on the reading thread.
     */
    public static <T, B> void forEachBatch(Consumer<Consumer<T>> source, int size, Function<List<T>, B> prepare,
            Consumer<B> each) {
        BlockingQueue<Item<B>> queue = new ArrayBlockingQueue<>(AHEAD);
        Future<?> reading = READERS.submit(() -> read(source, size, prepare, queue));
        try {
            for (Item<B> item = take(queue); !item.end(); item = take(queue)) {
                if (item.failure() != null) {
                    throw item.failure();
                }
                each.accept(item.batch());
            }
        } finally {
            reading.cancel(true);
        }
    }

    private static <T, B> void read(Consumer<Consumer<T>> source, int size, Function<List<T>, B> prepare,
            BlockingQueue<Item<B>> queue) {
        try {
            Batches<T, B> batches = new Batches<>(size, prepare, queue);
            source.accept(batches);
            batches.finish();
        } catch (RuntimeException e) {
            if (!Thread.currentThread().isInterrupted()) {
                put(queue, new Item<>(null, e, false));
            }
        }
    }

    /** Cuts the stream into batches and queues each, prepared, as it fills. */
    private static final class Batches<T, B> implements Consumer<T> {
        private final int size;
        private final Function<List<T>, B> prepare;
        private final BlockingQueue<Item<B>> queue;
        private List<T> filling;

        Batches(int size, Function<List<T>, B> prepare, BlockingQueue<Item<B>> queue) {
            this.size = size;
            this.prepare = prepare;
            this.queue = queue;
            this.filling = new ArrayList<>(size);
        }

        @Override
        public void accept(T item) {
            filling.add(item);
            if (filling.size() == size) {
                put(queue, new Item<>(prepare.apply(filling), null, false));
                filling = new ArrayList<>(size);
            }
        }

        void finish() {
            if (!filling.isEmpty()) {
                put(queue, new Item<>(prepare.apply(filling), null, false));
            }
            put(queue, new Item<>(null, null, true));
        }
    }

    private static <B> void put(BlockingQueue<Item<B>> queue, Item<B> item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Reading ahead was stopped", e);
        }
    }

    private static <B> Item<B> take(BlockingQueue<Item<B>> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading ahead", e);
        }
    }
}
