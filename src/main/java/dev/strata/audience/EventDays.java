package dev.strata.audience;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.RoaringBitmap;

/** Recent behaviour by day, so "at least N events of a type in these days" is a union of day bitmaps, not a query. */
final class EventDays {

    /** Days of events kept, today included: a year's window (withinDays up to 365) plus a margin. */
    static final int HORIZON_DAYS = 400;

    private final TreeMap<Integer, DayEvents> days = new TreeMap<>();
    private final Clock clock;
    private final ZoneId zone;
    private long prunedBefore = Long.MIN_VALUE;

    EventDays(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * Counts each event not counted before; events beyond the horizon are ignored, and on the first write of a day
     * the days that fell out of the horizon are dropped.
     */
    void record(Collection<AudienceEvent> events) {
        int oldestDay = Math.toIntExact(LocalDate.now(clock.withZone(zone)).toEpochDay() - HORIZON_DAYS + 1);
        if (prunedBefore < oldestDay) {
            days.headMap(oldestDay, false).clear();
            days.values().forEach(DayEvents::runOptimize);
            prunedBefore = oldestDay;
        }
        Map<Integer, List<AudienceEvent>> byDay = new HashMap<>();
        for (AudienceEvent event : events) {
            if (event.epochDay() >= oldestDay && event.seq() >= 0 && event.type() != null && event.eventId() != null) {
                byDay.computeIfAbsent(event.epochDay(), day -> new ArrayList<>()).add(event);
            }
        }
        byDay.forEach((day, ofDay) -> days.computeIfAbsent(day, d -> new DayEvents()).record(ofDay));
    }

    void move(int fromSeq, int toSeq) {
        days.values().forEach(day -> day.move(fromSeq, toSeq));
    }

    /** Customers in {@code live} with at least {@code minCount} events of the type (and channel) on days in [from, to]. */
    RoaringBitmap events(String type, String channel, int fromDay, int toDay, int minCount, RoaringBitmap live) {
        List<EventCounts> parts = new ArrayList<>();
        if (fromDay <= toDay) {
            for (DayEvents day : days.subMap(fromDay, true, toDay, true).values()) {
                EventCounts counts = day.counts(type, channel);
                if (counts != null) {
                    parts.add(counts);
                }
            }
        }
        if (parts.isEmpty()) {
            return new RoaringBitmap();
        }
        RoaringBitmap any = FastAggregation.or(parts.stream().map(counts -> counts.once).iterator());
        any.and(live);
        if (minCount <= 1 || any.isEmpty()) {
            return any;
        }
        return atLeast(parts, minCount, any);
    }

    /**
     * Who in {@code any} has at least {@code minCount} events over the days: saturating bitmap counters
     * ({@code levels[j]}: at least j + 1 events so far) take each day's layers in turn, so the work is bitmap algebra
     * over the days' bitmaps rather than a pass over every event.
     */
    private static RoaringBitmap atLeast(List<EventCounts> parts, int minCount, RoaringBitmap any) {
        RoaringBitmap[] levels = new RoaringBitmap[minCount];
        for (int j = 0; j < minCount; j++) {
            levels[j] = new RoaringBitmap();
        }
        for (EventCounts part : parts) {
            for (int layer = 0; layer < part.layers(); layer++) {
                RoaringBitmap counted = part.layer(layer);
                for (int j = minCount - 1; j >= 1; j--) {
                    if (!levels[j - 1].isEmpty()) {
                        levels[j].or(RoaringBitmap.and(levels[j - 1], counted));
                    }
                }
                levels[0].or(counted);
            }
        }
        return RoaringBitmap.and(levels[minCount - 1], any);
    }
}
