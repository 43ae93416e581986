package dev.strata.campaign;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.strata.graphql.Connection;
import dev.strata.graphql.GlobalId;
import dev.strata.graphql.KeysetPages;
import dev.strata.graphql.Paging;
import dev.strata.graphql.UserError;
import dev.strata.shared.Scope;
import org.bson.types.ObjectId;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Building campaigns while they are drafts, and reading them in the caller's scope. */
@Service
public class CampaignService {

    static final String READERS = "hasAnyRole('ADMIN','MARKETER','ANALYST','BRANCH_MANAGER')";
    static final String MAKERS = "hasAnyRole('ADMIN','MARKETER','BRANCH_MANAGER')";

    private final MongoTemplate mongo;
    private final CampaignSettings settings;
    private final CampaignAudit audit;
    private final Clock clock;

    CampaignService(MongoTemplate mongo, CampaignSettings settings, CampaignAudit audit, Clock clock) {
        this.mongo = mongo;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    @PreAuthorize(READERS)
    public Campaign find(String id, Scope scope) {
        Campaign campaign = mongo.findById(id, Campaign.class);
        return campaign != null && visible(campaign, scope) ? campaign : null;
    }

    /** A campaign regardless of who asks, for background work and other modules. */
    public Campaign findUnscoped(String id) {
        return mongo.findById(id, Campaign.class);
    }

    /** Campaigns by ID regardless of who asks (batched resolution under a scoped parent). */
    public java.util.Map<String, Campaign> findAllUnscoped(java.util.Collection<String> ids) {
        java.util.Map<String, Campaign> byId = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            mongo.find(org.springframework.data.mongodb.core.query.Query.query(Criteria.where("_id").in(ids)), Campaign.class)
                    .forEach(c -> byId.put(c.id(), c));
        }
        return byId;
    }

    @PreAuthorize(READERS)
    public Connection<Campaign> list(CampaignStatus status, Paging paging, Scope scope) {
        Criteria filter = status == null ? new Criteria() : Criteria.where("status").is(status);
        if (scope.kind() == Scope.Kind.BRANCH) {
            filter = new Criteria().andOperator(filter, Criteria.where("creatorScopeKind").is(Scope.Kind.BRANCH)
                    .and("creatorScopeCode").is(scope.code()));
        }
        return KeysetPages.page(mongo, Campaign.class, filter, paging, Sort.Direction.DESC);
    }

    @PreAuthorize(MAKERS)
    public CampaignInputs.CampaignPayload create(CampaignInputs.CreateCampaignInput input, Scope scope, String actor) {
        String id = new ObjectId().toHexString();
        CampaignSettings.Checked checked = settings.check(input, id);
        if (!checked.errors().isEmpty()) {
            return CampaignInputs.CampaignPayload.errors(checked.errors());
        }
        Instant now = clock.instant();
        Campaign.EnrollmentJob noJob = new Campaign.EnrollmentJob(false, null, null);
        Campaign c = checked.campaign();
        Campaign campaign = new Campaign(id, c.name(), c.objective(), CampaignStatus.DRAFT, c.segmentIds(), c.snapshotId(),
                c.excludedSegmentIds(), c.controlGroupPercent(), c.startAt(), c.endAt(), c.goal(), c.costPerContact(),
                c.journey(), c.trigger(), actor, scope.kind() == Scope.Kind.BRANCH ? Scope.Kind.BRANCH : Scope.Kind.ALL,
                scope.kind() == Scope.Kind.BRANCH ? scope.code() : null, null, null, null, null, noJob, now, now, 0, null);
        mongo.insert(campaign);
        audit.record(actor, "CREATE", campaign, null);
        return new CampaignInputs.CampaignPayload(campaign, List.of());
    }

    /** Changes a DRAFT; an APPROVED campaign may be changed too, and goes back to DRAFT for approval again. */
    @PreAuthorize(MAKERS)
    public CampaignInputs.CampaignPayload update(CampaignInputs.UpdateCampaignInput input, Scope scope, String actor) {
        Found found = changeable(input.id(), scope);
        if (found.error() != null) {
            return CampaignInputs.CampaignPayload.error(found.error());
        }
        Campaign before = found.campaign();
        if (before.status() != CampaignStatus.DRAFT && before.status() != CampaignStatus.APPROVED) {
            return CampaignInputs.CampaignPayload.error(UserError.of("ILLEGAL_TRANSITION",
                    "a " + before.status() + " campaign cannot be edited", "id"));
        }
        CampaignSettings.Checked checked = settings.check(CampaignSettings.merged(before, input), before.id());
        if (!checked.errors().isEmpty()) {
            return CampaignInputs.CampaignPayload.errors(checked.errors());
        }
        Campaign c = checked.campaign();
        Campaign after = new Campaign(before.id(), c.name(), c.objective(), CampaignStatus.DRAFT, c.segmentIds(),
                c.snapshotId(), c.excludedSegmentIds(), c.controlGroupPercent(), c.startAt(), c.endAt(), c.goal(),
                c.costPerContact(), c.journey(), c.trigger(), before.createdBy(), before.creatorScopeKind(),
                before.creatorScopeCode(), null, before.rejectionReason(), null, null, before.enrollment(),
                before.createdAt(), clock.instant(), before.version() + 1, before.counters());
        var query = org.springframework.data.mongodb.core.query.Query.query(Criteria.where("_id").is(before.id())
                .and("version").is(before.version()));
        // A whole replacement drops the read-only counters: only safe because they start at launch.
        if (mongo.findAndReplace(query, after) == null) {
            return CampaignInputs.CampaignPayload.error(UserError.of("CONFLICT", "the campaign changed meanwhile; try again", "id"));
        }
        audit.record(actor, before.status() == CampaignStatus.APPROVED ? "EDIT_AFTER_APPROVAL" : "UPDATE", after, null);
        return new CampaignInputs.CampaignPayload(after, List.of());
    }

    /** A campaign the caller may change: any for marketers and admins, their branch's for a branch manager. */
    Found changeable(String globalId, Scope scope) {
        String id = GlobalId.localIdOrNull(globalId, "Campaign");
        if (id == null) {
            return new Found(null, UserError.invalidId("id"));
        }
        Campaign campaign = mongo.findById(id, Campaign.class);
        return campaign != null && visible(campaign, scope) ? new Found(campaign, null)
                : new Found(null, UserError.notFound("campaign", "id"));
    }

    /** A branch manager sees the campaigns of their branch only. */
    static boolean visible(Campaign campaign, Scope scope) {
        return scope.kind() != Scope.Kind.BRANCH || scope.code().equals(campaign.creatorScopeCode());
    }

    /** A campaign looked up for a change, or why not. */
    record Found(Campaign campaign, UserError error) {
    }

    static List<UserError> list(UserError... errors) {
        return new ArrayList<>(List.of(errors));
    }
}
