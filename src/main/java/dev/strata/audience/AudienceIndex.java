package dev.strata.audience;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

import org.roaringbitmap.RoaringBitmap;

/**
 * Derived, in-memory view of who belongs to what: one compressed bitmap of customer {@code seq}s per attribute
 * value, numeric columns by seq and per-day event bitmaps, so audience counts and pages over millions of customers
 * are exact and take milliseconds. MongoDB stays the truth; the customer module feeds this index
 * {@link AudienceRecord}s as customers change, the event module {@link AudienceEvent}s.
 */
public final class AudienceIndex {

    /** Seqs written between two run-length compactions, at least; more as the index grows. */
    private static final int OPTIMIZE_EVERY = 65_536;

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    /** Every seq ever put, live or not: what {@link #putNew} leaves alone. */
    private final RoaringBitmap known = new RoaringBitmap();
    private final RoaringBitmap everyone = new RoaringBitmap();
    private final EnumBitmaps enums = new EnumBitmaps();
    private final MeasureColumns measures = new MeasureColumns();
    private final EventDays events;
    private final IndexVersions versions = new IndexVersions();
    /** The revision of the stored document each seq's indexed state was read from. */
    private final NumberColumn revisions = new NumberColumn();
    private final AudienceView view;
    private long writtenSinceOptimize;

    /** Days (for the event horizon) by the system clock in Asia/Shanghai. */
    public AudienceIndex() {
        this(Clock.systemUTC(), ZoneId.of("Asia/Shanghai"));
    }

    /** Days (for the event horizon) by {@code clock} in {@code zone}, the zone events' days are counted in. */
    public AudienceIndex(Clock clock, ZoneId zone) {
        this.events = new EventDays(clock, zone);
        this.view = new StoredView(everyone, enums, measures, events, versions);
    }

    /**
     * Indexes the customers as read, replacing what was known of these seqs unless that came from a later revision of
     * the document (a reader that read before a write and puts after the write's own re-read); among records of one seq
     * the latest revision wins, the last of them on a tie.
     */
    public void put(Collection<AudienceRecord> records) {
        write(records, true);
    }

    /**
     * Indexes customers just created, as they were written, unless the index already knows them: then a later
     * write to them was indexed first, and its state is the newer one.
     */
    public void putNew(Collection<AudienceRecord> records) {
        write(records, false);
    }

    private void write(Collection<AudienceRecord> records, boolean replace) {
        if (records.isEmpty()) {
            return;
        }
        lock.writeLock().lock();
        try {
            Map<Integer, AudienceRecord> bySeq = new LinkedHashMap<>();
            for (AudienceRecord record : records) {
                if (!replace) {
                    if (!known.contains(record.seq())) {
                        bySeq.putIfAbsent(record.seq(), record);
                    }
                } else if (!olderThanIndexed(record) && !olderThan(record, bySeq.get(record.seq()))) {
                    bySeq.put(record.seq(), record);
                }
            }
            if (bySeq.isEmpty()) {
                return;
            }
            RoaringBitmap replaced = new RoaringBitmap();
            boolean liveChanged = false;
            for (AudienceRecord record : bySeq.values()) {
                if (known.contains(record.seq())) {
                    replaced.add(record.seq());
                }
                liveChanged |= everyone.contains(record.seq()) != record.live();
            }
            if (liveChanged) {
                versions.liveChanged();
            }
            versions.profilesChanged();
            everyone.andNot(replaced);
            enums.remove(replaced);
            for (AudienceRecord record : bySeq.values()) {
                known.add(record.seq());
                revisions.set(record.seq(), record.revision());
                measures.put(record);
                if (record.live()) {
                    everyone.add(record.seq());
                    enums.add(record);
                }
            }
            optimizeNowAndThen(bySeq.size());
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Compacts runs of seqs (a bulk load's contiguous seqs, one branch's block) once enough has been written. */
    private void optimizeNowAndThen(int written) {
        writtenSinceOptimize += written;
        if (writtenSinceOptimize >= Math.max(OPTIMIZE_EVERY, known.getCardinality() / 8)) {
            known.runOptimize();
            everyone.runOptimize();
            enums.runOptimize();
            measures.runOptimize();
            revisions.present().runOptimize();
            writtenSinceOptimize = 0;
        }
    }

    private boolean olderThanIndexed(AudienceRecord record) {
        return revisions.present().contains(record.seq()) && revisions.get(record.seq()) > record.revision();
    }

    private static boolean olderThan(AudienceRecord record, AudienceRecord other) {
        return other != null && other.revision() > record.revision();
    }

    /** Counts events not counted before (by ID); events older than the horizon are ignored, older days dropped daily. */
    public void recordEvents(Collection<AudienceEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        lock.writeLock().lock();
        try {
            this.events.record(events);
            events.stream().map(AudienceEvent::type).filter(java.util.Objects::nonNull).distinct()
                    .forEach(versions::eventsRecorded);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** A merge: the merged customer's events become the survivor's. */
    public void moveEvents(int fromSeq, int toSeq) {
        lock.writeLock().lock();
        try {
            events.move(fromSeq, toSeq);
            versions.eventsMoved();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** How far back events are kept, today included. */
    public int eventHorizonDays() {
        return EventDays.HORIZON_DAYS;
    }

    /** Live customers. */
    public int size() {
        return read(v -> v.everyone().getCardinality());
    }

    /** Every live customer: a new bitmap the caller owns. */
    public RoaringBitmap everyone() {
        return read(v -> v.everyone().clone());
    }

    /** The members of one attribute value: a new bitmap the caller owns (empty if none). */
    public RoaringBitmap members(Attribute attribute, String value) {
        return read(v -> v.bitmap(attribute, value).clone());
    }

    /** Whoever has at least one of {@code values}: a new bitmap. */
    public RoaringBitmap any(Attribute attribute, Collection<String> values) {
        return read(v -> {
            List<RoaringBitmap> parts = new ArrayList<>(values.size());
            for (String value : values) {
                parts.add(v.bitmap(attribute, value));
            }
            return RoaringBitmap.or(parts.iterator());
        });
    }

    /** {@code base} ∩ the members of one value: a new bitmap, computed without copying the stored one. */
    public RoaringBitmap and(RoaringBitmap base, Attribute attribute, String value) {
        return read(v -> RoaringBitmap.and(base, v.bitmap(attribute, value)));
    }

    /** How many members of one value are in {@code within}, without copying anything. */
    public int countWithin(Attribute attribute, String value, RoaringBitmap within) {
        return read(v -> RoaringBitmap.andCardinality(v.bitmap(attribute, value), within));
    }

    /** Runs {@code reader} over the stored bitmaps under the read lock; see {@link AudienceView} for the rules. */
    public <T> T read(Function<AudienceView, T> reader) {
        lock.readLock().lock();
        try {
            return reader.apply(view);
        } finally {
            lock.readLock().unlock();
        }
    }
}
