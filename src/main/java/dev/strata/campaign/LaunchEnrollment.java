package dev.strata.campaign;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.strata.customer.CustomerService;
import dev.strata.segment.SegmentAudiences;
import dev.strata.segment.SegmentSnapshots;
import org.roaringbitmap.RoaringBitmap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Enrolls a launched campaign's audience in the background, in batches, under a lease on the campaign so one
 * instance does it and another takes over if that one dies (enrollment IDs make a redo harmless).
 */
@Component
class LaunchEnrollment implements DisposableBean {

    static final int BATCH = 1000;
    static final Duration LEASE = Duration.ofMinutes(2);
    private static final Logger log = LoggerFactory.getLogger(LaunchEnrollment.class);

    private final MongoTemplate mongo;
    private final SegmentAudiences audiences;
    private final SegmentSnapshots snapshots;
    private final CustomerService customers;
    private final Enrollments enrollments;
    private final StatsCounters stats;
    private final Clock clock;
    private final String owner = "enroll-" + UUID.randomUUID();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "campaign-enrollment");
        thread.setDaemon(true);
        return thread;
    });

    LaunchEnrollment(MongoTemplate mongo, SegmentAudiences audiences, SegmentSnapshots snapshots, CustomerService customers,
            Enrollments enrollments, StatsCounters stats, Clock clock) {
        this.mongo = mongo;
        this.audiences = audiences;
        this.snapshots = snapshots;
        this.customers = customers;
        this.enrollments = enrollments;
        this.stats = stats;
        this.clock = clock;
    }

    void startInBackground(String campaignId) {
        background.submit(() -> {
            try {
                run(campaignId);
            } catch (RuntimeException e) {
                log.warn("Enrolling campaign {} stopped; the runner retries it: {}", campaignId, e.toString());
            }
        });
    }

    /** Every launched campaign whose audience is still to be enrolled and whose start has come. */
    void runPending() {
        mongo.find(Query.query(Criteria.where("enrollment.pending").is(true).and("status").is(CampaignStatus.RUNNING)),
                Campaign.class).forEach(campaign -> run(campaign.id()));
    }

    /** Whether a launched campaign whose start has come still has its audience to enroll. */
    boolean anyPending() {
        Instant now = clock.instant();
        return mongo.exists(Query.query(new Criteria().andOperator(Criteria.where("enrollment.pending").is(true),
                Criteria.where("status").is(CampaignStatus.RUNNING),
                new Criteria().orOperator(Criteria.where("startAt").is(null), Criteria.where("startAt").lte(now)))),
                Campaign.class);
    }

    /** Enrolls the audience if this instance gets the lease; returns whether it did. */
    boolean run(String campaignId) {
        Instant now = clock.instant();
        Campaign campaign = mongo.findAndModify(Query.query(new Criteria().andOperator(Criteria.where("_id").is(campaignId),
                        Criteria.where("enrollment.pending").is(true),
                        new Criteria().orOperator(Criteria.where("startAt").is(null), Criteria.where("startAt").lte(now)),
                        new Criteria().orOperator(Criteria.where("enrollment.leaseUntil").is(null),
                                Criteria.where("enrollment.leaseUntil").lt(now)))),
                new Update().set("enrollment.leaseOwner", owner).set("enrollment.leaseUntil", now.plus(LEASE)),
                FindAndModifyOptions.options().returnNew(true), Campaign.class);
        if (campaign == null) {
            return false;
        }
        RoaringBitmap audience = audience(campaign);
        stats.set(campaign.id(), "audienceSize", audience.getCardinality());
        List<String> ids = customers.idsOfUnscoped(audience);
        for (int from = 0; from < ids.size(); from += BATCH) {
            enrollments.enroll(campaign, ids.subList(from, Math.min(ids.size(), from + BATCH)));
            mongo.updateFirst(Query.query(Criteria.where("_id").is(campaignId).and("enrollment.leaseOwner").is(owner)),
                    new Update().set("enrollment.leaseUntil", clock.instant().plus(LEASE)), Campaign.class);
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(campaignId)),
                new Update().set("enrollment", new Campaign.EnrollmentJob(false, null, null)), Campaign.class);
        return true;
    }

    /** Target segments (or the snapshot) in the creator's scope, minus the excluded segments. */
    RoaringBitmap audience(Campaign campaign) {
        return audience(campaign, false);
    }

    /** The audience; a campaign that names no segment reaches everyone in scope when {@code everyoneWhenUntargeted}. */
    RoaringBitmap audience(Campaign campaign, boolean everyoneWhenUntargeted) {
        RoaringBitmap members = new RoaringBitmap();
        if (everyoneWhenUntargeted && campaign.segmentIds().isEmpty() && campaign.snapshotId() == null) {
            members.or(customers.visibleMembers(campaign.creatorScope()));
        }
        if (campaign.snapshotId() != null) {
            snapshots.find(campaign.snapshotId()).ifPresent(snapshot -> members.or(RoaringBitmap.and(
                    snapshots.members(snapshot), customers.visibleMembers(campaign.creatorScope()))));
        }
        campaign.segmentIds().forEach(id -> members.or(audiences.members(id, campaign.creatorScope())));
        campaign.excludedSegmentIds().forEach(id -> members.andNot(audiences.members(id, campaign.creatorScope())));
        return members;
    }

    @Override
    public void destroy() {
        background.shutdownNow();
    }
}
