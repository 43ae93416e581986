package dev.strata.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import dev.strata.shared.LifecycleStage;
import dev.strata.store.SequenceAllocator;
import dev.strata.support.StrataIntegrationTest;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** The keyed phone lookup against a scan of every customer, after random inserts, number and book changes, and merges. */
class PhoneHoldersTests extends StrataIntegrationTest {

    private static final Instant T = Instant.parse("2026-11-01T00:00:00Z");

    @Autowired
    CustomerWrites writes;
    @Autowired
    PhoneHolders holders;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    SequenceAllocator sequences;

    @Test
    void holdersAreTheLiveCustomersOfTheBookWithTheNumberWhateverWroteThem() {
        Random random = new Random(12);
        List<String> books = List.of(unique("PHA"), unique("PHB"), unique("PHC"));
        List<String> numbers = List.of("13800000001", "13800000002", "13800000003", "13800000004");
        List<String> ids = new ArrayList<>();
        for (int round = 0; round < 30; round++) {
            int op = ids.size() < 5 ? 0 : random.nextInt(6);
            switch (op) {
                case 0 -> {
                    List<Customer> batch = new ArrayList<>();
                    long seq = sequences.allocate(CustomerIngestService.SEQUENCE, 3);
                    for (int i = 0; i < 3; i++) {
                        String id = new ObjectId().toHexString();
                        ids.add(id);
                        batch.add(customer(id, seq++, pick(random, numbers, true), pick(random, books, true)));
                    }
                    writes.insert(batch);
                }
                case 1 -> writes.update(pick(random, ids, false), new Update().set("phone", pick(random, numbers, false)));
                case 2 -> writes.updateEach(Map.of(pick(random, ids, false), new Update().set("managerCode", pick(random, books, false))));
                case 3 -> writes.update(pick(random, ids, false), new Update().unset("phone"));
                case 4 -> {
                    String merged = pick(random, ids, false);
                    String survivor = pick(random, ids, false);
                    if (!merged.equals(survivor)) {
                        writes.update(merged, new Update().set("mergedInto", survivor));
                    }
                }
                default -> writes.updateAll(List.of(pick(random, ids, false), pick(random, ids, false)), new Criteria(),
                        new Update().set("phone", pick(random, numbers, false)).set("managerCode", pick(random, books, false)));
            }
            assertAgreesWithAScan(books, numbers);
        }
    }

    @Test
    void customersStoredWithoutTheServiceAreListedAtStart() {
        String book = unique("PHS");
        String id = new ObjectId().toHexString();
        mongo.getCollection(CustomerDocuments.COLLECTION).insertOne(CustomerDocuments.of(
                customer(id, sequences.allocate(CustomerIngestService.SEQUENCE, 1), "13900000009", book)));
        PhoneHolders.Held held = new PhoneHolders.Held(book, "13900000009");
        assertThat(holders.holders(List.of(held))).doesNotContainKey(held);

        holders.run(null);

        assertThat(holders.holders(List.of(held))).containsEntry(held, List.of(id));
    }

    private void assertAgreesWithAScan(List<String> books, List<String> numbers) {
        List<PhoneHolders.Held> wanted = new ArrayList<>();
        books.forEach(book -> numbers.forEach(number -> wanted.add(new PhoneHolders.Held(book, number))));
        Map<PhoneHolders.Held, List<String>> found = holders.holders(wanted);
        for (PhoneHolders.Held held : wanted) {
            Query scan = Query.query(Criteria.where("phone").is(held.phone()).and("managerCode").is(held.managerCode())
                    .and("mergedInto").exists(false));
            Set<String> expected = new HashSet<>();
            mongo.find(scan, Document.class, CustomerDocuments.COLLECTION).forEach(c -> expected.add(c.get("_id").toString()));
            assertThat(new HashSet<>(found.getOrDefault(held, List.of()))).as("%s", held).isEqualTo(expected);
        }
    }

    private static String pick(Random random, List<String> from, boolean orNull) {
        return orNull && random.nextInt(5) == 0 ? null : from.get(random.nextInt(from.size()));
    }

    private static Customer customer(String id, long seq, String phone, String managerCode) {
        return new Customer(id, seq, null, "x", null, null, phone, null, null, LifecycleStage.PROSPECT, null, null, null,
                managerCode, null, null, null, null, null, null, null, null, null, null, null, null, null, null, 0, null,
                null, T, T, null, null);
    }
}
