package dev.strata.campaign;

import java.util.List;
import java.util.Map;

import dev.strata.graphql.Batches;
import dev.strata.graphql.Connection;
import dev.strata.graphql.GlobalId;
import dev.strata.graphql.NodeFetcher;
import dev.strata.graphql.Paging;
import dev.strata.security.Viewers;
import dev.strata.shared.Scope;
import dev.strata.task.Task;
import dev.strata.touchpoint.Touchpoint;
import graphql.GraphQLContext;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** GraphQL entry to campaigns: building, maker-checker, running, stats, responses and the test clock. */
@Controller
class CampaignController implements NodeFetcher {

    private final CampaignService campaigns;
    private final CampaignTransitions transitions;
    private final ContactPolicyService policies;
    private final ResponseService responses;
    private final TestClockService testClock;
    private final TouchpointQueries touchpoints;

    CampaignController(CampaignService campaigns, CampaignTransitions transitions,
            ContactPolicyService policies, ResponseService responses, TestClockService testClock,
            TouchpointQueries touchpoints) {
        this.campaigns = campaigns;
        this.transitions = transitions;
        this.policies = policies;
        this.responses = responses;
        this.testClock = testClock;
        this.touchpoints = touchpoints;
    }

    @QueryMapping
    Campaign campaign(@Argument String id, Scope scope) {
        return campaigns.find(GlobalId.localId(id, typeName()), scope);
    }

    @QueryMapping
    Connection<Campaign> campaigns(@Argument CampaignStatus status, @Argument Integer first, @Argument String after,
            Scope scope) {
        return campaigns.list(status, Paging.of(first, after), scope);
    }

    @QueryMapping
    Connection<Touchpoint> touchpoints(@Argument TouchpointQueries.TouchpointFilter filter, @Argument Integer first,
            @Argument String after, Scope scope) {
        return touchpoints.list(filter, Paging.of(first, after), scope);
    }

    @QueryMapping
    ContactPolicy contactPolicy() {
        return policies.read();
    }

    @MutationMapping
    CampaignInputs.CampaignPayload createCampaign(@Argument CampaignInputs.CreateCampaignInput input, Scope scope) {
        return campaigns.create(input, scope, Viewers.name());
    }

    @MutationMapping
    CampaignInputs.CampaignPayload updateCampaign(@Argument CampaignInputs.UpdateCampaignInput input, Scope scope) {
        return campaigns.update(input, scope, Viewers.name());
    }

    @MutationMapping
    CampaignInputs.CampaignPayload submitCampaign(@Argument CampaignInputs.CampaignIdInput input, Scope scope) {
        return transitions.submit(input.id(), scope);
    }

    @MutationMapping
    CampaignInputs.CampaignPayload approveCampaign(@Argument CampaignInputs.CampaignIdInput input, Scope scope) {
        return transitions.approve(input.id(), scope);
    }

    @MutationMapping
    CampaignInputs.CampaignPayload rejectCampaign(@Argument CampaignInputs.RejectCampaignInput input, Scope scope) {
        return transitions.reject(input, scope);
    }

    @MutationMapping
    CampaignInputs.CampaignPayload launchCampaign(@Argument CampaignInputs.CampaignIdInput input, Scope scope) {
        return transitions.launch(input.id(), scope);
    }

    @MutationMapping
    CampaignInputs.CampaignPayload pauseCampaign(@Argument CampaignInputs.CampaignIdInput input, Scope scope) {
        return transitions.pause(input.id(), scope);
    }

    @MutationMapping
    CampaignInputs.CampaignPayload resumeCampaign(@Argument CampaignInputs.CampaignIdInput input, Scope scope) {
        return transitions.resume(input.id(), scope);
    }

    @MutationMapping
    CampaignInputs.CampaignPayload cancelCampaign(@Argument CampaignInputs.CampaignIdInput input, Scope scope) {
        return transitions.cancel(input.id(), scope);
    }

    @MutationMapping
    ContactPolicyService.UpdateContactPolicyPayload updateContactPolicy(
            @Argument ContactPolicyService.UpdateContactPolicyInput input) {
        return policies.update(input);
    }

    @MutationMapping
    ResponseService.RecordResponsePayload recordResponse(@Argument ResponseService.RecordResponseInput input,
            GraphQLContext context) {
        return responses.record(input, context.get(ClientAddressInterceptor.KEY));
    }

    @MutationMapping
    CampaignInputs.AdvanceTestClockPayload advanceTestClock(@Argument CampaignInputs.AdvanceTestClockInput input) {
        return testClock.advance(input.by());
    }

    @SchemaMapping(typeName = "Campaign")
    CampaignStatsView stats(Campaign campaign) {
        return CampaignStatsView.of(StatsCounters.of(campaign));
    }

    @SchemaMapping(typeName = "Campaign")
    List<String> segmentIds(Campaign campaign) {
        return CampaignSettings.encode(campaign.segmentIds());
    }

    @SchemaMapping(typeName = "Campaign")
    List<String> excludedSegmentIds(Campaign campaign) {
        return CampaignSettings.encode(campaign.excludedSegmentIds());
    }

    @SchemaMapping(typeName = "Campaign")
    String snapshotId(Campaign campaign) {
        return campaign.snapshotId() == null ? null : GlobalId.encode("SegmentSnapshot", campaign.snapshotId());
    }

    @SchemaMapping(typeName = "Campaign")
    String branchCode(Campaign campaign) {
        return campaign.branchCode();
    }

    @BatchMapping(typeName = "Touchpoint", field = "campaign")
    Map<Touchpoint, Campaign> touchpointCampaign(List<Touchpoint> page) {
        Map<String, Campaign> byId = campaigns.findAllUnscoped(page.stream().map(Touchpoint::campaignId)
                .filter(java.util.Objects::nonNull).distinct().toList());
        return Batches.byKey(page, t -> t.campaignId() == null ? null : byId.get(t.campaignId()));
    }

    @BatchMapping(typeName = "Task", field = "campaign")
    Map<Task, Campaign> taskCampaign(List<Task> page) {
        Map<String, Campaign> byId = campaigns.findAllUnscoped(page.stream().map(Task::campaignId)
                .filter(java.util.Objects::nonNull).distinct().toList());
        return Batches.byKey(page, t -> t.campaignId() == null ? null : byId.get(t.campaignId()));
    }

    @Override
    public String typeName() {
        return "Campaign";
    }

    @Override
    public Object fetch(String localId, Scope scope) {
        return campaigns.find(localId, scope);
    }
}
