package dev.strata.campaign;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.strata.graphql.UserError;
import dev.strata.security.Role;
import dev.strata.security.Viewers;
import dev.strata.shared.Scope;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Maker-checker and the running life of a campaign: each transition atomic, legal only from its states, audited. */
@Service
public class CampaignTransitions {

    static final String CHECKERS = "hasAnyRole('ADMIN','MARKETER')";
    static final int MAX_REASON = 500;

    private final MongoTemplate mongo;
    private final CampaignService campaigns;
    private final CampaignAudit audit;
    private final LaunchEnrollment enrollment;
    private final EventCampaigns eventCampaigns;
    private final Clock clock;

    CampaignTransitions(MongoTemplate mongo, CampaignService campaigns, CampaignAudit audit, LaunchEnrollment enrollment,
            EventCampaigns eventCampaigns, Clock clock) {
        this.eventCampaigns = eventCampaigns;
        this.mongo = mongo;
        this.campaigns = campaigns;
        this.audit = audit;
        this.enrollment = enrollment;
        this.clock = clock;
    }

    @PreAuthorize(CampaignService.MAKERS)
    public CampaignInputs.CampaignPayload submit(String id, Scope scope) {
        return move(id, scope, "SUBMIT", Set.of(CampaignStatus.DRAFT), new Update().set("status", CampaignStatus.PENDING_APPROVAL),
                null);
    }

    @PreAuthorize(CHECKERS)
    public CampaignInputs.CampaignPayload approve(String id, Scope scope) {
        CampaignService.Found found = campaigns.changeable(id, scope);
        if (found.error() == null && Viewers.name().equals(found.campaign().createdBy())) {
            return CampaignInputs.CampaignPayload.error(UserError.of("SELF_APPROVAL",
                    "a campaign is approved by someone other than its creator", "id"));
        }
        return move(id, scope, "APPROVE", Set.of(CampaignStatus.PENDING_APPROVAL),
                new Update().set("status", CampaignStatus.APPROVED).set("approvedBy", Viewers.name()), null);
    }

    @PreAuthorize(CHECKERS)
    public CampaignInputs.CampaignPayload reject(CampaignInputs.RejectCampaignInput input, Scope scope) {
        if (!JourneySteps.validText(input.reason(), MAX_REASON)) {
            return CampaignInputs.CampaignPayload.error(UserError.invalid("reason must be 1-" + MAX_REASON + " characters",
                    "reason"));
        }
        return move(input.id(), scope, "REJECT", Set.of(CampaignStatus.PENDING_APPROVAL),
                new Update().set("status", CampaignStatus.DRAFT).set("rejectionReason", input.reason().trim()),
                input.reason().trim());
    }

    /** RUNNING at once; the audience is enrolled in the background (from {@code startAt} if that is later). */
    @PreAuthorize(CampaignService.MAKERS)
    public CampaignInputs.CampaignPayload launch(String id, Scope scope) {
        CampaignService.Found found = campaigns.changeable(id, scope);
        boolean enrollsAudience = found.campaign() != null && found.campaign().trigger() == null;
        Update update = new Update().set("status", CampaignStatus.RUNNING).set("launchedAt", clock.instant())
                .set("enrollment", new Campaign.EnrollmentJob(enrollsAudience, null, null));
        CampaignInputs.CampaignPayload payload = move(id, scope, "LAUNCH", Set.of(CampaignStatus.APPROVED), update, null);
        if (payload.campaign() != null && enrollsAudience) {
            enrollment.startInBackground(payload.campaign().id());
        }
        return payload;
    }

    @PreAuthorize(CampaignService.MAKERS)
    public CampaignInputs.CampaignPayload pause(String id, Scope scope) {
        return move(id, scope, "PAUSE", Set.of(CampaignStatus.RUNNING), new Update().set("status", CampaignStatus.PAUSED), null);
    }

    @PreAuthorize(CampaignService.MAKERS)
    public CampaignInputs.CampaignPayload resume(String id, Scope scope) {
        return move(id, scope, "RESUME", Set.of(CampaignStatus.PAUSED), new Update().set("status", CampaignStatus.RUNNING), null);
    }

    @PreAuthorize(CampaignService.MAKERS)
    public CampaignInputs.CampaignPayload cancel(String id, Scope scope) {
        return move(id, scope, "CANCEL", Set.of(CampaignStatus.DRAFT, CampaignStatus.PENDING_APPROVAL,
                CampaignStatus.APPROVED, CampaignStatus.RUNNING, CampaignStatus.PAUSED),
                new Update().set("status", CampaignStatus.CANCELLED).set("completedAt", clock.instant()), null);
    }

    /** Background: a RUNNING campaign past its end with nobody left in the journey is COMPLETED. */
    boolean complete(Campaign campaign) {
        Instant now = clock.instant();
        Campaign done = mongo.findAndModify(Query.query(Criteria.where("_id").is(campaign.id())
                        .and("status").is(CampaignStatus.RUNNING).and("version").is(campaign.version())),
                new Update().set("status", CampaignStatus.COMPLETED).set("completedAt", now).set("updatedAt", now)
                        .inc("version", 1), FindAndModifyOptions.options().returnNew(true), Campaign.class);
        eventCampaigns.written();
        if (done != null) {
            audit.record("system", "COMPLETE", done, null);
        }
        return done != null;
    }

    private CampaignInputs.CampaignPayload move(String id, Scope scope, String action, Set<CampaignStatus> from, Update update,
            String detail) {
        CampaignService.Found found = campaigns.changeable(id, scope);
        if (found.error() != null) {
            return CampaignInputs.CampaignPayload.error(found.error());
        }
        Campaign before = found.campaign();
        if (!from.contains(before.status())) {
            return illegal(before, action);
        }
        update.set("updatedAt", clock.instant()).inc("version", 1);
        Campaign after = mongo.findAndModify(Query.query(Criteria.where("_id").is(before.id()).and("status").in(from)),
                update, FindAndModifyOptions.options().returnNew(true), Campaign.class);
        eventCampaigns.written();
        if (after == null) {
            return illegal(mongo.findById(before.id(), Campaign.class), action);
        }
        audit.record(Viewers.name(), action, after, detail);
        return new CampaignInputs.CampaignPayload(after, List.of());
    }

    private static CampaignInputs.CampaignPayload illegal(Campaign campaign, String action) {
        return CampaignInputs.CampaignPayload.error(UserError.of("ILLEGAL_TRANSITION", "a " + campaign.status()
                + " campaign cannot be " + switch (action) {
                    case "SUBMIT" -> "submitted";
                    case "APPROVE" -> "approved";
                    case "REJECT" -> "rejected";
                    case "LAUNCH" -> "launched";
                    case "PAUSE" -> "paused";
                    case "RESUME" -> "resumed";
                    default -> "cancelled";
                }, "id"));
    }

    static boolean isChecker() {
        return Viewers.require().has(Role.ADMIN) || Viewers.require().has(Role.MARKETER);
    }
}
