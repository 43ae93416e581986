package dev.strata.audience;

import dev.strata.support.SettableClock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

import static org.assertj.core.api.Assertions.assertThat;

/** Per-day event counts: inclusive windows, channels, exact minCount, idempotent replays, merges, the horizon; and a differential test. */
class AudienceEventsTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final int TODAY = (int) LocalDate.of(2026, 3, 10).toEpochDay();

    private final SettableClock clock = new SettableClock(LocalDate.of(2026, 3, 10).atStartOfDay(ZONE).plusHours(12).toInstant());
    private final AudienceIndex index = new AudienceIndex(clock, ZONE);

    private static RoaringBitmap seqs(int... seqs) {
        return RoaringBitmap.bitmapOf(seqs);
    }

    private void live(int... seqs) {
        List<AudienceRecord> records = new ArrayList<>();
        for (int seq : seqs) {
            records.add(new AudienceRecord(seq, true, null, null, null, null, null, null, null, List.of(), List.of(), List.of()));
        }
        index.put(records);
    }

    private RoaringBitmap events(String type, String channel, int from, int to, int minCount) {
        return index.read(view -> view.events(type, channel, from, to, minCount));
    }

    private static AudienceEvent event(String id, int seq, String type, String channel, int day) {
        return new AudienceEvent(id, seq, type, channel, day);
    }

    @Test
    void windowsIncludeBothEdgeDaysAndChannelsFilter() {
        live(1, 2, 3, 4);
        index.recordEvents(List.of(event("a", 1, "LOGIN", "APP_PUSH", TODAY - 29), event("b", 2, "LOGIN", "WECHAT", TODAY),
                event("c", 3, "LOGIN", null, TODAY - 30), event("d", 4, "TRANSFER", "APP_PUSH", TODAY)));

        assertThat(events("LOGIN", null, TODAY - 29, TODAY, 1)).isEqualTo(seqs(1, 2));
        assertThat(events("LOGIN", null, TODAY - 30, TODAY - 29, 1)).isEqualTo(seqs(1, 3));
        assertThat(events("LOGIN", "APP_PUSH", TODAY - 30, TODAY, 1)).isEqualTo(seqs(1));
        assertThat(events("LOGIN", "SMS", TODAY - 30, TODAY, 1)).isEmpty();
        assertThat(events("SHARE", null, TODAY - 30, TODAY, 1)).isEmpty();
        assertThat(events("LOGIN", null, TODAY, TODAY - 1, 1)).isEmpty();
    }

    @Test
    void minCountCountsEventsAcrossDaysAndSeveralOnOneDay() {
        live(1, 2, 3);
        index.recordEvents(List.of(event("a", 1, "LOGIN", "APP_PUSH", TODAY), event("b", 1, "LOGIN", "APP_PUSH", TODAY),
                event("c", 1, "LOGIN", "WECHAT", TODAY), event("d", 2, "LOGIN", "APP_PUSH", TODAY - 1),
                event("e", 2, "LOGIN", "APP_PUSH", TODAY - 5), event("f", 3, "LOGIN", "APP_PUSH", TODAY)));

        assertThat(events("LOGIN", null, TODAY - 6, TODAY, 3)).isEqualTo(seqs(1));
        assertThat(events("LOGIN", null, TODAY - 6, TODAY, 2)).isEqualTo(seqs(1, 2));
        assertThat(events("LOGIN", "APP_PUSH", TODAY - 6, TODAY, 2)).isEqualTo(seqs(1, 2));
        assertThat(events("LOGIN", "APP_PUSH", TODAY - 4, TODAY, 2)).isEqualTo(seqs(1));
        assertThat(events("LOGIN", "WECHAT", TODAY, TODAY, 2)).isEmpty();
        assertThat(events("LOGIN", null, TODAY - 6, TODAY, 4)).isEmpty();
    }

    @Test
    void aReplayedEventCountsOnce() {
        live(1);
        List<AudienceEvent> batch = List.of(event("a", 1, "LOGIN", "APP_PUSH", TODAY), event("a", 1, "LOGIN", "APP_PUSH", TODAY));
        index.recordEvents(batch);
        index.recordEvents(batch);
        for (int i = 0; i < 100; i++) {
            index.recordEvents(List.of(event("x" + i, 1, "VIEW_PRODUCT", null, TODAY)));
        }
        index.recordEvents(List.of(event("a", 1, "LOGIN", "APP_PUSH", TODAY), event("x7", 1, "VIEW_PRODUCT", null, TODAY)));

        assertThat(events("LOGIN", null, TODAY, TODAY, 1)).isEqualTo(seqs(1));
        assertThat(events("LOGIN", null, TODAY, TODAY, 2)).isEmpty();
        assertThat(events("VIEW_PRODUCT", null, TODAY, TODAY, 100)).isEqualTo(seqs(1));
        assertThat(events("VIEW_PRODUCT", null, TODAY, TODAY, 101)).isEmpty();
    }

    @Test
    void aMergedCustomersEventsBecomeTheSurvivorsAndOnlyLiveCustomersMatch() {
        live(1, 2);
        index.recordEvents(List.of(event("a", 1, "LOGIN", "APP_PUSH", TODAY), event("b", 2, "LOGIN", "APP_PUSH", TODAY),
                event("c", 2, "LOGIN", "WECHAT", TODAY - 1)));
        index.put(List.of(AudienceRecord.gone(2)));
        index.moveEvents(2, 1);

        assertThat(events("LOGIN", null, TODAY - 1, TODAY, 3)).isEqualTo(seqs(1));
        assertThat(events("LOGIN", "APP_PUSH", TODAY, TODAY, 2)).isEqualTo(seqs(1));
        assertThat(events("LOGIN", "WECHAT", TODAY - 1, TODAY, 1)).isEqualTo(seqs(1));
        index.put(List.of(AudienceRecord.gone(1)));
        assertThat(events("LOGIN", null, TODAY - 1, TODAY, 1)).isEmpty();
    }

    @Test
    void daysPastTheHorizonAreIgnoredAndDroppedAsDaysPass() {
        live(1, 2);
        int horizon = index.eventHorizonDays();
        assertThat(horizon).isGreaterThanOrEqualTo(366);
        index.recordEvents(List.of(event("old", 1, "LOGIN", null, TODAY - horizon), event("edge", 1, "LOGIN", null, TODAY - horizon + 1),
                event("new", 2, "LOGIN", null, TODAY)));
        assertThat(events("LOGIN", null, TODAY - horizon, TODAY - horizon, 1)).isEmpty();
        assertThat(events("LOGIN", null, TODAY - horizon + 1, TODAY, 1)).isEqualTo(seqs(1, 2));

        clock.advance(java.time.Duration.ofDays(1));
        index.recordEvents(List.of(event("tomorrow", 2, "SHARE", null, TODAY + 1)));
        assertThat(events("LOGIN", null, TODAY - horizon, TODAY + 1, 1)).isEqualTo(seqs(2));
    }

    @Test
    void countsMatchABruteForceOracleOverRandomEvents() {
        long seed = Long.getLong("audience.seed", System.nanoTime());
        System.out.println("AudienceEventsTests seed " + seed + " (rerun with -Daudience.seed=" + seed + ")");
        SplittableRandom random = new SplittableRandom(seed);
        String[] types = {"LOGIN", "TRANSFER", "SHARE"};
        String[] channels = {"APP_PUSH", "WECHAT", null};
        int customers = 3000;
        live(java.util.stream.IntStream.range(0, customers).toArray());
        Map<String, AudienceEvent> stored = new HashMap<>();
        List<AudienceEvent> all = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            List<AudienceEvent> batch = new ArrayList<>();
            for (int i = 0; i < 4000; i++) {
                AudienceEvent event = !all.isEmpty() && random.nextInt(5) == 0 ? all.get(random.nextInt(all.size()))
                        : event("e" + round + "-" + i, random.nextInt(customers), types[random.nextInt(3)],
                                channels[random.nextInt(3)], TODAY - random.nextInt(40));
                batch.add(event);
                all.add(event);
                stored.putIfAbsent(event.eventId(), event);
            }
            index.recordEvents(batch);
            int from = random.nextInt(2) * 10 + random.nextInt(20);
            int merged = random.nextInt(customers);
            int survivor = random.nextInt(customers);
            index.moveEvents(merged, survivor);
            stored.replaceAll((id, e) -> e.seq() == merged ? event(id, survivor, e.type(), e.channel(), e.epochDay()) : e);
            all.replaceAll(e -> e.seq() == merged ? event(e.eventId(), survivor, e.type(), e.channel(), e.epochDay()) : e);
            for (int query = 0; query < 30; query++) {
                String type = types[random.nextInt(3)];
                String channel = channels[random.nextInt(3)];
                int to = TODAY - random.nextInt(from + 1);
                int fromDay = to - random.nextInt(30);
                int minCount = 1 + random.nextInt(4);
                Map<Integer, Integer> counts = new HashMap<>();
                stored.values().stream().filter(e -> e.type().equals(type) && (channel == null || channel.equals(e.channel()))
                        && e.epochDay() >= fromDay && e.epochDay() <= to).forEach(e -> counts.merge(e.seq(), 1, Integer::sum));
                RoaringBitmap expected = new RoaringBitmap();
                counts.forEach((seq, count) -> {
                    if (count >= minCount) {
                        expected.add(seq);
                    }
                });
                assertThat(events(type, channel, fromDay, to, minCount))
                        .as("seed %d: %s on %s in [%d, %d] at least %d", seed, type, channel, fromDay, to, minCount).isEqualTo(expected);
            }
        }
    }
}
