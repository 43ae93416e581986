package dev.strata.customer;

import java.util.List;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The start-up build's seqs place an event of a merged-away customer on its survivor, however long the chain. */
class CustomerSeqsTests {

    private final ObjectId survivor = new ObjectId();
    private final ObjectId merged = new ObjectId();
    private final ObjectId mergedTwice = new ObjectId();

    @Test
    void liveCustomersAreFoundByTheirIdAndMergedOnesByTheirSurvivors() {
        CustomerSeqs seqs = new CustomerSeqs();
        seqs.add(List.of(customer(survivor, 7, null), customer(merged, 8, survivor.toHexString()),
                customer(mergedTwice, 9, merged.toHexString()), customer("walk-in-1", 10, null)));

        assertThat(seqs.seqOf(survivor.toHexString())).isEqualTo(7);
        assertThat(seqs.seqOf(merged.toHexString())).isEqualTo(7);
        assertThat(seqs.seqOf(mergedTwice.toHexString())).isEqualTo(7);
        assertThat(seqs.seqOf("walk-in-1")).isEqualTo(10);
        assertThat(seqs.seqOf(new ObjectId().toHexString())).isNull();
    }

    @Test
    void aMergeCycleOrAMissingSurvivorPlacesNothing() {
        CustomerSeqs seqs = new CustomerSeqs();
        seqs.add(List.of(customer(survivor, 7, merged.toHexString()), customer(merged, 8, survivor.toHexString()),
                customer(mergedTwice, 9, new ObjectId().toHexString())));

        assertThat(seqs.seqOf(survivor.toHexString())).isNull();
        assertThat(seqs.seqOf(mergedTwice.toHexString())).isNull();
    }

    private static Document customer(Object id, int seq, String mergedInto) {
        Document customer = new Document("_id", id).append("seq", seq);
        if (mergedInto != null) {
            customer.append("mergedInto", mergedInto);
        }
        return customer;
    }
}
