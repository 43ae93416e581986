package dev.strata.branch;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import dev.strata.support.StrataIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Branches read for portraits are never older than a write on the same instance, and another instance's write
 * (a second service over the same store) is seen once the configured age has passed.
 */
class RecentBranchesTests extends StrataIntegrationTest {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Clock clock;

    private BranchService instance(Duration maxAge) {
        return new BranchService(mongo, clock, maxAge);
    }

    @Test
    void aWriteOnThisInstanceIsSeenAtOnce() {
        BranchService branches = instance(Duration.ofHours(1));
        String code = unique("B");
        assertThat(branches.findAll(List.of(code))).isEmpty();
        branches.upsert(List.of(new BranchInput(code, "Old name", "Wuxi")));
        assertThat(branches.findAll(List.of(code)).get(code).name()).isEqualTo("Old name");
        branches.upsert(List.of(new BranchInput(code, "New name", "Wuxi")));
        assertThat(branches.findAll(List.of(code, code)).get(code).name()).isEqualTo("New name");
    }

    @Test
    void anotherInstancesWriteIsSeenOnceTheMaxAgeHasPassed() throws InterruptedException {
        BranchService here = instance(Duration.ofMillis(300));
        BranchService there = instance(Duration.ofMillis(300));
        String code = unique("B");
        there.upsert(List.of(new BranchInput(code, "Old name", "Wuxi")));
        assertThat(here.findAll(List.of(code)).get(code).name()).isEqualTo("Old name");
        there.upsert(List.of(new BranchInput(code, "New name", "Wuxi")));
        Thread.sleep(400);
        assertThat(here.findAll(List.of(code)).get(code).name()).isEqualTo("New name");
    }

    @Test
    void answersWhatTheStoreHoldsForMixesOfKnownAndUnknownCodes() {
        BranchService branches = instance(Duration.ofHours(1));
        String a = unique("B");
        String b = unique("B");
        branches.upsert(List.of(new BranchInput(a, "A", null), new BranchInput(b, "B", null)));
        for (List<String> asked : List.of(List.of(a), List.of(a, b, "nowhere"), List.of("nowhere"), List.of(b, b))) {
            var answer = branches.findAll(asked);
            var oracle = mongo.find(org.springframework.data.mongodb.core.query.Query.query(
                    org.springframework.data.mongodb.core.query.Criteria.where("_id").in(asked)), Branch.class);
            assertThat(answer.values()).containsExactlyInAnyOrderElementsOf(oracle);
        }
    }
}
