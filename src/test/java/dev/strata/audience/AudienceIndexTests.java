package dev.strata.audience;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

import static org.assertj.core.api.Assertions.assertThat;

/** The index's write semantics (put replaces, putNew only adds the unknown, live=false removes) and its read API. */
class AudienceIndexTests {

    private final AudienceIndex index = new AudienceIndex();

    private static AudienceRecord customer(int seq, String branch, String tier, List<String> labels) {
        return new AudienceRecord(seq, true, branch, "RM" + seq, tier, "EXISTING", "MATURE", null, "OPTIMAL", labels,
                List.of("DEP-CURRENT"), List.of("SMS"));
    }

    private static RoaringBitmap seqs(int... seqs) {
        return RoaringBitmap.bitmapOf(seqs);
    }

    @Test
    void putIndexesEveryAttributeValue() {
        index.put(List.of(customer(1, "BR01", "GOLD", List.of("a", "b")), customer(2, "BR02", "GOLD", List.of("b"))));

        assertThat(index.size()).isEqualTo(2);
        assertThat(index.everyone()).isEqualTo(seqs(1, 2));
        assertThat(index.members(Attribute.BRANCH, "BR01")).isEqualTo(seqs(1));
        assertThat(index.members(Attribute.TIER, "GOLD")).isEqualTo(seqs(1, 2));
        assertThat(index.members(Attribute.MANAGER, "RM2")).isEqualTo(seqs(2));
        assertThat(index.members(Attribute.LABEL, "b")).isEqualTo(seqs(1, 2));
        assertThat(index.members(Attribute.PRODUCT, "DEP-CURRENT")).isEqualTo(seqs(1, 2));
        assertThat(index.members(Attribute.CONSENT, "SMS")).isEqualTo(seqs(1, 2));
        assertThat(index.members(Attribute.RISK, "C3")).isEmpty();
        assertThat(index.members(Attribute.LABEL, "unknown")).isEmpty();
    }

    @Test
    void putReplacesWhatWasKnownOfASeq() {
        index.put(List.of(customer(1, "BR01", "GOLD", List.of("a", "b"))));
        index.put(List.of(customer(1, "BR02", "PLATINUM", List.of("c"))));

        assertThat(index.members(Attribute.BRANCH, "BR01")).isEmpty();
        assertThat(index.members(Attribute.BRANCH, "BR02")).isEqualTo(seqs(1));
        assertThat(index.members(Attribute.TIER, "GOLD")).isEmpty();
        assertThat(index.members(Attribute.LABEL, "a")).isEmpty();
        assertThat(index.members(Attribute.LABEL, "c")).isEqualTo(seqs(1));
        Set<String> labels = index.read(view -> view.values(Attribute.LABEL));
        Set<String> tiers = index.read(view -> view.values(Attribute.TIER));
        assertThat(labels).containsExactly("c");
        assertThat(tiers).containsExactly("PLATINUM");
    }

    @Test
    void aNullValueTakesTheSeqOutOfTheOldOne() {
        index.put(List.of(customer(1, "BR01", "GOLD", List.of())));
        index.put(List.of(customer(1, null, null, List.of())));

        assertThat(index.members(Attribute.BRANCH, "BR01")).isEmpty();
        assertThat(index.members(Attribute.TIER, "GOLD")).isEmpty();
        assertThat(index.everyone()).isEqualTo(seqs(1));
    }

    @Test
    void aRecordNotLiveRemovesTheSeqFromEverything() {
        index.put(List.of(customer(1, "BR01", "GOLD", List.of("a")), customer(2, "BR01", "GOLD", List.of("a"))));
        index.put(List.of(AudienceRecord.gone(1)));

        assertThat(index.size()).isEqualTo(1);
        assertThat(index.everyone()).isEqualTo(seqs(2));
        for (Attribute attribute : Attribute.values()) {
            index.read(view -> {
                view.values(attribute).forEach(value -> assertThat(view.bitmap(attribute, value).contains(1)).isFalse());
                return null;
            });
        }
    }

    @Test
    void putNewLeavesKnownSeqsAloneEvenWhenNotLive() {
        index.put(List.of(customer(1, "BR02", "GOLD", List.of())));
        index.put(List.of(AudienceRecord.gone(2)));
        index.putNew(List.of(customer(1, "BR01", "GOLD", List.of()), customer(2, "BR01", "GOLD", List.of()),
                customer(3, "BR01", "GOLD", List.of())));

        assertThat(index.members(Attribute.BRANCH, "BR02")).isEqualTo(seqs(1));
        assertThat(index.members(Attribute.BRANCH, "BR01")).isEqualTo(seqs(3));
        assertThat(index.everyone()).isEqualTo(seqs(1, 3));
    }

    @Test
    void theLastRecordOfASeqInOnePutWins() {
        index.put(List.of(customer(1, "BR01", "GOLD", List.of("a")), customer(1, "BR02", "GOLD", List.of("b"))));

        assertThat(index.members(Attribute.BRANCH, "BR01")).isEmpty();
        assertThat(index.members(Attribute.LABEL, "a")).isEmpty();
        assertThat(index.members(Attribute.BRANCH, "BR02")).isEqualTo(seqs(1));
    }

    @Test
    void aRecordReadBeforeTheRevisionTheIndexHoldsIsRefusedInOrAcrossPuts() {
        index.put(List.of(revision(customer(1, "BR02", "GOLD", List.of("b")), 5)));
        index.put(List.of(revision(customer(1, "BR01", "GOLD", List.of("a")), 4), revision(AudienceRecord.gone(2), 3)));

        assertThat(index.members(Attribute.BRANCH, "BR02")).isEqualTo(seqs(1));
        assertThat(index.members(Attribute.LABEL, "a")).isEmpty();
        assertThat(index.everyone()).isEqualTo(seqs(1));

        index.put(List.of(revision(customer(1, "BR03", "GOLD", List.of()), 7), revision(customer(1, "BR01", "GOLD", List.of()), 6),
                revision(customer(2, "BR01", "GOLD", List.of()), 2)));

        assertThat(index.members(Attribute.BRANCH, "BR03")).isEqualTo(seqs(1));
        assertThat(index.members(Attribute.BRANCH, "BR01")).isEmpty();
        assertThat(index.everyone()).isEqualTo(seqs(1));

        index.put(List.of(revision(customer(1, "BR04", "GOLD", List.of()), 7)));

        assertThat(index.members(Attribute.BRANCH, "BR04")).as("a re-read of the same revision").isEqualTo(seqs(1));
    }

    private static AudienceRecord revision(AudienceRecord record, long revision) {
        return new AudienceRecord(record.seq(), record.live(), record.branch(), record.manager(), record.tier(), record.source(),
                record.lifecycle(), record.risk(), record.quadrant(), record.labels(), record.products(), record.consents(),
                record.measures(), revision);
    }

    @Test
    void readsCombineWithoutHandingOutTheStoredBitmaps() {
        index.put(List.of(customer(1, "BR01", "GOLD", List.of("a")), customer(2, "BR01", "ORDINARY", List.of()),
                customer(3, "BR02", "DIAMOND", List.of("a"))));

        RoaringBitmap branch = index.members(Attribute.BRANCH, "BR01");
        branch.add(99);
        assertThat(index.members(Attribute.BRANCH, "BR01")).isEqualTo(seqs(1, 2));
        assertThat(index.any(Attribute.TIER, List.of("GOLD", "DIAMOND", "PLATINUM"))).isEqualTo(seqs(1, 3));
        assertThat(index.and(seqs(1, 2, 3), Attribute.LABEL, "a")).isEqualTo(seqs(1, 3));
        assertThat(index.countWithin(Attribute.LABEL, "a", seqs(3, 4))).isEqualTo(1);
        assertThat(index.countWithin(Attribute.LABEL, "none", seqs(3))).isZero();
    }

    @Test
    void manySeqsAndValuesSurviveCompactionAndWidening() {
        for (int round = 0; round < 3; round++) {
            List<AudienceRecord> batch = new java.util.ArrayList<>();
            for (int seq = 1; seq <= 70_000; seq++) {
                batch.add(new AudienceRecord(seq, seq % 7 != round, "BR0" + (seq + round) % 5, "RM" + (seq + round),
                        "GOLD", null, null, null, null, List.of(), List.of(), List.of()));
            }
            index.put(batch);
        }
        assertThat(index.members(Attribute.MANAGER, "RM70002")).isEqualTo(seqs(70_000));
        assertThat(index.members(Attribute.MANAGER, "RM2")).isEmpty();
        assertThat(index.members(Attribute.MANAGER, "RM3")).isEqualTo(seqs(1));
        assertThat(index.members(Attribute.BRANCH, "BR02")).isEqualTo(
                RoaringBitmap.and(index.everyone(), RoaringBitmap.bitmapOf(java.util.stream.IntStream.rangeClosed(1, 70_000)
                        .filter(seq -> (seq + 2) % 5 == 2).toArray())));
        assertThat(index.size()).isEqualTo(70_000 - 10_000);
    }

    @Test
    void theAudiencePackageDependsOnNoFeaturePackage() throws Exception {
        try (Stream<Path> sources = Files.list(Path.of("src/main/java/dev/strata/audience"))) {
            for (Path source : sources.toList()) {
                assertThat(Files.readAllLines(source)).as(source.toString())
                        .noneMatch(line -> line.startsWith("import dev.strata."));
            }
        }
    }
}
