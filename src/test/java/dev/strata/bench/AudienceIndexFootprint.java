package dev.strata.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import dev.strata.audience.Attribute;
import dev.strata.audience.AudienceIndex;
import dev.strata.audience.AudienceRecord;

/**
 * Measures the heap the audience index takes for demo-shaped customers (1,000,000 unless {@code -Dbench.customers=N}),
 * built straight from records with no MongoDB, and how long re-indexing changed customers takes.
 */
public final class AudienceIndexFootprint {

    private static final int BATCH = 1000;

    public static void main(String[] args) throws InterruptedException {
        int customers = Integer.getInteger("bench.customers", 1_000_000);
        long before = usedHeap();
        long started = System.nanoTime();
        AudienceIndex index = build(customers);
        long buildMillis = (System.nanoTime() - started) / 1_000_000;
        long after = usedHeap();
        long bytes = after - before;
        System.out.printf("Audience index for %,d customers: %d bytes/customer, %.1f MB heap (built in %,d ms)%n",
                index.size(), bytes / customers, bytes / 1e6, buildMillis);
        System.out.printf("Cross-check: the bitmaps alone serialize to %.1f MB%n", serializedBytes(index) / 1e6);
        System.out.printf("Re-indexing 100,000 changed customers in batches of %d: %,d ms%n", BATCH, reindex(index, customers));
    }

    private static AudienceIndex build(int customers) {
        DemoShapedCustomers shapes = new DemoShapedCustomers(42);
        AudienceIndex index = new AudienceIndex();
        List<AudienceRecord> batch = new ArrayList<>(BATCH);
        for (int seq = 1; seq <= customers; seq++) {
            batch.add(record(seq, shapes.next()));
            if (batch.size() == BATCH || seq == customers) {
                index.put(batch);
                batch = new ArrayList<>(BATCH);
            }
        }
        return index;
    }

    private static long reindex(AudienceIndex index, int customers) {
        DemoShapedCustomers shapes = new DemoShapedCustomers(7);
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        long started = System.nanoTime();
        List<AudienceRecord> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < 100_000; i++) {
            batch.add(record(1 + random.nextInt(customers), shapes.next()));
            if (batch.size() == BATCH) {
                index.put(batch);
                batch = new ArrayList<>(BATCH);
            }
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    static AudienceRecord record(int seq, DemoShapedCustomers.Shape shape) {
        return new AudienceRecord(seq, true, shape.branch(), shape.manager(), shape.tier(), shape.source(),
                shape.lifecycle(), shape.risk(), shape.quadrant(), shape.labels(), shape.products(), shape.consents());
    }

    private static long serializedBytes(AudienceIndex index) {
        return index.read(view -> {
            long bytes = view.everyone().serializedSizeInBytes();
            for (Attribute attribute : Attribute.values()) {
                for (String value : view.values(attribute)) {
                    bytes += view.bitmap(attribute, value).serializedSizeInBytes();
                }
            }
            return bytes;
        });
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
