package dev.strata.audience;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import org.bson.Document;
import org.roaringbitmap.RoaringBitmap;

/**
 * Derived, in-memory view of who belongs to what: one compressed bitmap of customer {@code seq}s per
 * key, so audience counts and pages over millions of customers are exact and take milliseconds.
 * MongoDB stays the truth; {@link AudienceMaintainer} keeps this in step with it.
 */
public class AudienceIndex {

    private static final String[] NO_KEYS = new String[0];

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, RoaringBitmap> bitmaps = new HashMap<>();
    private final Map<Integer, String[]> keysBySeq = new HashMap<>();

    /** Indexes the customers as they are now, replacing whatever was known of them. */
    void put(Collection<Document> customers) {
        write(customers, true);
    }

    /**
     * Indexes customers just created, as they were written, unless the index already knows them: then a
     * later write to them was indexed first, and its state is the newer one.
     */
    void putNew(Collection<Document> customers) {
        write(customers, false);
    }

    private void write(Collection<Document> customers, boolean replace) {
        if (customers.isEmpty()) {
            return;
        }
        lock.writeLock().lock();
        try {
            for (Document customer : customers) {
                int seq = Math.toIntExact(((Number) customer.get("seq")).longValue());
                String[] known = keysBySeq.get(seq);
                if (known != null && !replace) {
                    continue;
                }
                for (String old : known == null ? NO_KEYS : known) {
                    RoaringBitmap bitmap = bitmaps.get(old);
                    if (bitmap != null) {
                        bitmap.remove(seq);
                    }
                }
                Set<String> keys = AudienceKeys.of(customer);
                for (String key : keys) {
                    bitmaps.computeIfAbsent(key, k -> new RoaringBitmap()).add(seq);
                }
                keysBySeq.put(seq, keys.toArray(NO_KEYS));
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** A copy of the bitmap of one key (empty when nobody has it). */
    public RoaringBitmap get(String key) {
        return read(() -> {
            RoaringBitmap bitmap = bitmaps.get(key);
            return bitmap == null ? new RoaringBitmap() : bitmap.clone();
        });
    }

    /** The union of several keys' bitmaps. */
    public RoaringBitmap any(Collection<String> keys) {
        return read(() -> {
            List<RoaringBitmap> parts = new ArrayList<>();
            for (String key : keys) {
                RoaringBitmap bitmap = bitmaps.get(key);
                if (bitmap != null) {
                    parts.add(bitmap);
                }
            }
            return RoaringBitmap.or(parts.iterator());
        });
    }

    /** How many customers have {@code key} and are in {@code within}, without copying the bitmap. */
    public int countWithin(String key, RoaringBitmap within) {
        return read(() -> {
            RoaringBitmap bitmap = bitmaps.get(key);
            return bitmap == null ? 0 : RoaringBitmap.andCardinality(bitmap, within);
        });
    }

    public int size() {
        return read(() -> {
            RoaringBitmap all = bitmaps.get(AudienceKeys.ALL);
            return all == null ? 0 : all.getCardinality();
        });
    }

    private <T> T read(Supplier<T> reader) {
        lock.readLock().lock();
        try {
            return reader.get();
        } finally {
            lock.readLock().unlock();
        }
    }
}
