package dev.strata.campaign;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.InsertManyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Puts customers into a campaign: one enrollment each, the control group set aside, the first step scheduled now. */
@Component
class Enrollments {

    private final MongoTemplate mongo;
    private final Schedule schedule;
    private final StatsCounters stats;
    private final StepClaims claims;
    private final Clock clock;

    Enrollments(MongoTemplate mongo, Schedule schedule, StatsCounters stats, StepClaims claims, Clock clock) {
        this.claims = claims;
        this.mongo = mongo;
        this.schedule = schedule;
        this.stats = stats;
        this.clock = clock;
    }

    /** Enrolls those of {@code customerIds} not enrolled yet; returns how many were new. */
    int enroll(Campaign campaign, List<String> customerIds) {
        if (customerIds.isEmpty() || campaign.journey().isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        String first = campaign.journey().get(0).key();
        List<Enrollment> batch = new ArrayList<>(customerIds.size());
        for (String customerId : customerIds) {
            boolean control = isControl(campaign.id(), customerId, campaign.controlGroupPercent());
            batch.add(new Enrollment(Enrollment.idOf(campaign.id(), customerId), campaign.id(), customerId, control,
                    control ? Enrollment.State.CONTROL : Enrollment.State.ACTIVE, control ? null : first, 1,
                    control ? null : now, now, control ? now : null, null, 0, null, null, false, 1));
        }
        Set<Integer> refused = insertAll(batch);
        List<Schedule.Entry> entries = new ArrayList<>();
        int added = 0;
        int control = 0;
        for (int i = 0; i < batch.size(); i++) {
            if (refused.contains(i)) {
                continue;
            }
            Enrollment e = batch.get(i);
            added++;
            if (e.control()) {
                control++;
            } else {
                entries.add(new Schedule.Entry(e.id(), e.customerId(), e.stepSeq(), now));
            }
        }
        schedule.add(entries);
        stats.apply(campaign.id(), StatsCounters.increments().add("enrolled", added).add("control", control)
                .add("active", entries.size()));
        return added;
    }

    /** Starts an ended enrollment again (a trigger's re-entry after the cool-down); false when it is not ended. */
    boolean reenter(Campaign campaign, Enrollment ended) {
        if (ended.control()) {
            return false;
        }
        Instant now = clock.instant();
        long seq = ended.stepSeq() + 1;
        var update = new org.springframework.data.mongodb.core.query.Update().set("state", Enrollment.State.ACTIVE)
                .set("stepKey", campaign.journey().get(0).key()).set("stepSeq", seq).set("dueAt", now)
                .set("enrolledAt", now).unset("endedAt").unset("waitUntil").set("responseRank", 0).unset("responseChannel")
                .unset("answeredChannel").set("converted", false).inc("runs", 1);
        if (ended.state() != Enrollment.State.DONE || !claims.claim(StepClaims.key(ended.id(), ended.stepSeq()))) {
            return false;
        }
        mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(ended.id())), update, Enrollment.class);
        schedule.add(List.of(new Schedule.Entry(ended.id(), ended.customerId(), seq, now)));
        schedule.forgetClaimsLater(List.of(new Schedule.Entry(ended.id(), ended.customerId(), ended.stepSeq(), now)));
        stats.apply(campaign.id(), StatsCounters.increments().add("active", 1).add("reentered", 1));
        return true;
    }

    private Set<Integer> insertAll(List<Enrollment> batch) {
        Set<Integer> refused = new HashSet<>();
        List<org.bson.Document> documents = batch.stream().map(RunnerDocuments::enrollment).toList();
        try {
            mongo.getCollection(mongo.getCollectionName(Enrollment.class)).insertMany(documents,
                    new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            e.getWriteErrors().forEach(error -> {
                if (error.getCode() != 11000) {
                    throw e;
                }
                refused.add(error.getIndex());
            });
        }
        return refused;
    }

    /** A stable hash of campaign and customer: a customer is always in the control group of a campaign, or never. */
    static boolean isControl(String campaignId, String customerId, double percent) {
        if (percent <= 0) {
            return false;
        }
        long h = 1125899906842597L;
        for (byte b : (campaignId + "/" + customerId).getBytes(StandardCharsets.UTF_8)) {
            h = 31 * h + b;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return Math.floorMod(h, 10_000) < Math.round(percent * 100);
    }
}
