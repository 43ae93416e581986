package dev.strata.audience;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

import static org.assertj.core.api.Assertions.assertThat;

/** Numeric columns: half-open and open ranges, missing values, updates and removals, {@code within}, sums; and a differential test. */
class AudienceMeasuresTests {

    private final AudienceIndex index = new AudienceIndex();

    private static AudienceRecord customer(int seq, Map<Measure, Long> measures) {
        return new AudienceRecord(seq, true, "BR01", null, "GOLD", null, null, null, null, List.of(), List.of(), List.of(),
                measures);
    }

    private static RoaringBitmap seqs(int... seqs) {
        return RoaringBitmap.bitmapOf(seqs);
    }

    private RoaringBitmap range(Measure measure, long gte, long lt, RoaringBitmap within) {
        return index.read(view -> view.range(measure, gte, lt, within));
    }

    private long sum(Measure measure, RoaringBitmap within) {
        Long sum = index.read(view -> view.sum(measure, within));
        return sum;
    }

    @Test
    void rangesAreHalfOpenAndEitherBoundMayBeOpen() {
        index.put(List.of(customer(1, Map.of(Measure.AUM, 599_999_999L)), customer(2, Map.of(Measure.AUM, 600_000_000L)),
                customer(3, Map.of(Measure.AUM, -5L)), customer(4, Map.of())));

        assertThat(range(Measure.AUM, 599_999_999L, 600_000_000L, null)).isEqualTo(seqs(1));
        assertThat(range(Measure.AUM, 600_000_000L, Long.MAX_VALUE, null)).isEqualTo(seqs(2));
        assertThat(range(Measure.AUM, Long.MIN_VALUE, 0, null)).isEqualTo(seqs(3));
        assertThat(range(Measure.AUM, Long.MIN_VALUE, Long.MAX_VALUE, null)).isEqualTo(seqs(1, 2, 3));
        assertThat(range(Measure.AUM, 5, 5, null)).isEmpty();
        assertThat(range(Measure.AUM, Long.MIN_VALUE, Long.MIN_VALUE, null)).isEmpty();
        assertThat(range(Measure.DEPOSITS, Long.MIN_VALUE, Long.MAX_VALUE, null)).isEmpty();
        index.put(List.of(customer(5, Map.of(Measure.AUM, Long.MAX_VALUE - 1)), customer(6, Map.of(Measure.AUM, Long.MIN_VALUE + 1))));
        assertThat(range(Measure.AUM, Long.MAX_VALUE - 1, Long.MAX_VALUE, null)).isEqualTo(seqs(5));
        assertThat(range(Measure.AUM, Long.MIN_VALUE, Long.MIN_VALUE + 2, null)).isEqualTo(seqs(6));
        assertThat(range(Measure.AUM, 0, Long.MAX_VALUE, seqs(1, 2, 5, 6))).isEqualTo(seqs(1, 2, 5));
        RoaringBitmap withValue = index.read(view -> view.withValue(Measure.AUM).clone());
        assertThat(withValue).isEqualTo(seqs(1, 2, 3, 5, 6));
    }

    @Test
    void aMissingValueMatchesNoRangeEvenOneContainingZero() {
        index.put(List.of(customer(1, Map.of(Measure.CHURN_RISK, 0L)), customer(2, Map.of(Measure.AUM, 1L))));

        assertThat(range(Measure.CHURN_RISK, 0, 1, null)).isEqualTo(seqs(1));
        assertThat(range(Measure.CHURN_RISK, Long.MIN_VALUE, Long.MAX_VALUE, seqs(1, 2))).isEqualTo(seqs(1));
    }

    @Test
    void updatesReplaceValuesAndCustomersGoneHaveNone() {
        index.put(List.of(customer(1, Map.of(Measure.AUM, 100L, Measure.BIRTH_DAY, -7000L)), customer(2, Map.of(Measure.AUM, 100L))));
        index.put(List.of(customer(1, Map.of(Measure.AUM, 5_000_000_000_000L)), AudienceRecord.gone(2)));

        assertThat(range(Measure.AUM, 0, 1000, null)).isEmpty();
        assertThat(range(Measure.AUM, 5_000_000_000_000L, 5_000_000_000_001L, null)).isEqualTo(seqs(1));
        assertThat(range(Measure.BIRTH_DAY, Long.MIN_VALUE, Long.MAX_VALUE, null)).isEmpty();
        assertThat(sum(Measure.AUM, null)).isEqualTo(5_000_000_000_000L);
    }

    @Test
    void sumsAreExactOverWithin() {
        index.put(List.of(customer(1, Map.of(Measure.DEPOSITS, 1L)), customer(2, Map.of(Measure.DEPOSITS, 10L)),
                customer(3, Map.of(Measure.DEPOSITS, 100L)), customer(4, Map.of())));

        assertThat(sum(Measure.DEPOSITS, seqs(1, 3, 4, 9))).isEqualTo(101L);
        assertThat(sum(Measure.DEPOSITS, null)).isEqualTo(111L);
        assertThat(sum(Measure.LOANS, null)).isZero();
    }

    @Test
    void rangesAndSumsMatchABruteForceOracleOverRandomData() {
        long seed = Long.getLong("audience.seed", System.nanoTime());
        System.out.println("AudienceMeasuresTests seed " + seed + " (rerun with -Daudience.seed=" + seed + ")");
        SplittableRandom random = new SplittableRandom(seed);
        Map<Integer, Map<Measure, Long>> oracle = new HashMap<>();
        int maxSeq = 200_000;
        for (int round = 0; round < 6; round++) {
            List<AudienceRecord> batch = new ArrayList<>();
            for (int i = 0; i < 20_000; i++) {
                int seq = random.nextInt(maxSeq);
                if (random.nextInt(20) == 0) {
                    batch.add(AudienceRecord.gone(seq));
                    oracle.remove(seq);
                    continue;
                }
                Map<Measure, Long> values = new EnumMap<>(Measure.class);
                for (Measure measure : Measure.values()) {
                    if (random.nextInt(4) > 0) {
                        values.put(measure, value(random));
                    }
                }
                batch.add(customer(seq, values));
                oracle.put(seq, values);
            }
            index.put(batch);
            for (int query = 0; query < 40; query++) {
                Measure measure = Measure.values()[random.nextInt(Measure.values().length)];
                long a = random.nextBoolean() ? Long.MIN_VALUE : value(random);
                long b = random.nextBoolean() ? Long.MAX_VALUE : value(random);
                RoaringBitmap within = random.nextBoolean() ? null : randomWithin(random, maxSeq);
                RoaringBitmap expected = new RoaringBitmap();
                long expectedSum = 0;
                for (var entry : oracle.entrySet()) {
                    Long v = entry.getValue().get(measure);
                    if (v != null && (within == null || within.contains(entry.getKey()))) {
                        expectedSum += v;
                        if (v >= a && (b == Long.MAX_VALUE || v < b)) {
                            expected.add(entry.getKey());
                        }
                    }
                }
                assertThat(range(measure, a, b, within)).as("seed %d: %s in [%d, %d)", seed, measure, a, b).isEqualTo(expected);
                assertThat(sum(measure, within)).as("seed %d: sum", seed).isEqualTo(expectedSum);
            }
        }
    }

    private static RoaringBitmap randomWithin(SplittableRandom random, int maxSeq) {
        RoaringBitmap within = new RoaringBitmap();
        int size = random.nextBoolean() ? random.nextInt(50) : random.nextInt(maxSeq);
        for (int i = 0; i < size; i++) {
            within.add(random.nextInt(maxSeq + 10));
        }
        return within;
    }

    /** Small, medium and huge values, so chunks are short, int and long. */
    private static long value(SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextLong(-100, 10_001);
            case 1 -> random.nextLong(-40_000, 40_000);
            case 2 -> random.nextLong(-3_000_000_000L, 3_000_000_000L);
            default -> random.nextLong(-10_000_000_000_000L, 10_000_000_000_000L);
        };
    }
}
