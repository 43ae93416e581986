package dev.strata.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import dev.strata.customer.ProjectedCustomers;
import org.bson.Document;

/**
 * Streams every live customer in batches on a thread of its own, up to two batches ahead of the caller, so reading the
 * store and scoring what was read overlap on two cores instead of taking turns.
 */
final class BatchReadAhead {

    private static final int AHEAD = 2;
    private static final ExecutorService READERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "scoring-read");
        thread.setDaemon(true);
        return thread;
    });

    /** A batch, the end of the stream, or the failure that ended it. */
    private record Item(List<Document> batch, RuntimeException failure) {
        static final Item END = new Item(null, null);
    }

    private BatchReadAhead() {
    }

    /** Hands {@code each} every batch of {@code size} live customers (projected to {@code fields}), in this thread. */
    static void forEachBatch(ProjectedCustomers customers, List<String> fields, int size, Consumer<List<Document>> each) {
        BlockingQueue<Item> queue = new ArrayBlockingQueue<>(AHEAD);
        Future<?> reading = READERS.submit(() -> read(customers, fields, size, queue));
        try {
            for (Item item = take(queue); item != Item.END; item = take(queue)) {
                if (item.failure() != null) {
                    throw item.failure();
                }
                each.accept(item.batch());
            }
        } finally {
            reading.cancel(true);
        }
    }

    private static void read(ProjectedCustomers customers, List<String> fields, int size, BlockingQueue<Item> queue) {
        try {
            Batches batches = new Batches(size, queue);
            customers.streamLive(fields, batches);
            batches.finish();
        } catch (RuntimeException e) {
            if (!Thread.currentThread().isInterrupted()) {
                put(queue, new Item(null, e));
            }
        }
    }

    /** Cuts the stream into batches and queues each as it fills. */
    private static final class Batches implements Consumer<Document> {
        private final int size;
        private final BlockingQueue<Item> queue;
        private List<Document> filling;

        Batches(int size, BlockingQueue<Item> queue) {
            this.size = size;
            this.queue = queue;
            this.filling = new ArrayList<>(size);
        }

        @Override
        public void accept(Document document) {
            filling.add(document);
            if (filling.size() == size) {
                put(queue, new Item(filling, null));
                filling = new ArrayList<>(size);
            }
        }

        void finish() {
            if (!filling.isEmpty()) {
                put(queue, new Item(filling, null));
            }
            put(queue, Item.END);
        }
    }

    private static void put(BlockingQueue<Item> queue, Item item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Reading customers for scoring was stopped", e);
        }
    }

    private static Item take(BlockingQueue<Item> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Scoring run interrupted", e);
        }
    }
}
