package dev.strata.bench;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import dev.strata.audience.Attribute;
import dev.strata.audience.AudienceEvent;
import dev.strata.audience.AudienceIndex;
import dev.strata.audience.AudienceRecord;
import dev.strata.audience.AudienceView;
import dev.strata.audience.Measure;
import org.roaringbitmap.RoaringBitmap;

/**
 * Measures the heap the whole audience index takes (enum bitmaps, numeric columns, per-day events) for demo-shaped
 * customers (1,000,000 unless {@code -Dbench.customers=N}) with about 5 events each over 90 days
 * ({@code -Dbench.events=N}), built straight from records with no MongoDB; times range and event queries and
 * re-indexing changed customers.
 */
public final class AudienceIndexFootprint {

    private static final int BATCH = 1000;
    private static final int EVENT_DAYS = 90;
    private static final int TODAY = (int) LocalDate.now(ZoneId.of("Asia/Shanghai")).toEpochDay();

    public static void main(String[] args) throws InterruptedException {
        int customers = Integer.getInteger("bench.customers", 1_000_000);
        int perCustomer = Integer.getInteger("bench.events", 5);
        long before = usedHeap();
        long started = System.nanoTime();
        AudienceIndex index = build(customers);
        long buildMillis = (System.nanoTime() - started) / 1_000_000;
        long withoutEvents = usedHeap() - before;
        started = System.nanoTime();
        long events = recordEvents(index, customers, perCustomer);
        long eventMillis = (System.nanoTime() - started) / 1_000_000;
        long bytes = usedHeap() - before;
        System.out.printf("Audience index for %,d customers with %,d events over %d days: %d bytes/customer, %.1f MB heap%n",
                index.size(), events, EVENT_DAYS, bytes / customers, bytes / 1e6);
        System.out.printf("  of which enum bitmaps and measures %.1f MB (built in %,d ms), events %.1f MB (recorded in %,d ms)%n",
                withoutEvents / 1e6, buildMillis, (bytes - withoutEvents) / 1e6, eventMillis);
        System.out.printf("Cross-check: the enum bitmaps alone serialize to %.1f MB%n", serializedBytes(index) / 1e6);
        time(index, "range AUM >= 500,000.00 over everyone", v -> v.range(Measure.AUM, 50_000_000L, Long.MAX_VALUE, null));
        time(index, "range CHURN_RISK in [60, 80) over everyone", v -> v.range(Measure.CHURN_RISK, 6000, 8000, null));
        time(index, "range AUM >= 500,000.00 within branch BR01", v -> v.range(Measure.AUM, 50_000_000L, Long.MAX_VALUE,
                v.bitmap(Attribute.BRANCH, "BR01")));
        time(index, "range AUM >= 500,000.00 within label 66a1..05 (1%)", v -> v.range(Measure.AUM, 50_000_000L, Long.MAX_VALUE,
                v.bitmap(Attribute.LABEL, "66a1b2c3d4e5f60000000005")));
        time(index, "sum AUM over everyone", v -> RoaringBitmap.bitmapOf((int) (v.sum(Measure.AUM, null) & 1)));
        time(index, "events LOGIN in 30 days, minCount 1", v -> v.events("LOGIN", null, TODAY - 29, TODAY, 1));
        time(index, "events LOGIN on APP_PUSH in 30 days, minCount 1", v -> v.events("LOGIN", "APP_PUSH", TODAY - 29, TODAY, 1));
        time(index, "events LOGIN in 90 days, minCount 3", v -> v.events("LOGIN", null, TODAY - 89, TODAY, 3));
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

    private static long recordEvents(AudienceIndex index, int customers, int perCustomer) {
        DemoShapedCustomers shapes = new DemoShapedCustomers(43);
        long recorded = 0;
        List<AudienceEvent> batch = new ArrayList<>();
        for (int seq = 1; seq <= customers; seq++) {
            batch.addAll(shapes.events(seq, perCustomer, TODAY, EVENT_DAYS));
            if (seq % BATCH == 0 || seq == customers) {
                index.recordEvents(batch);
                recorded += batch.size();
                batch = new ArrayList<>();
            }
        }
        return recorded;
    }

    /** Median and worst of 200 timed calls after 50 of warm-up. */
    private static void time(AudienceIndex index, String what, Function<AudienceView, RoaringBitmap> query) {
        long[] nanos = new long[200];
        int[] found = new int[1];
        for (int i = -50; i < nanos.length; i++) {
            long started = System.nanoTime();
            index.read(view -> found[0] = query.apply(view).getCardinality());
            if (i >= 0) {
                nanos[i] = System.nanoTime() - started;
            }
        }
        Arrays.sort(nanos);
        System.out.printf("  %-52s %,9d found, p50 %6.2f ms, p99 %6.2f ms%n", what, found[0], nanos[100] / 1e6, nanos[197] / 1e6);
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
                shape.lifecycle(), shape.risk(), shape.quadrant(), shape.labels(), shape.products(), shape.consents(), shape.measures());
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
