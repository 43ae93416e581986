package dev.strata.segment;

import java.util.List;
import java.util.Map;

import dev.strata.customer.Customer;
import dev.strata.customer.CustomerService;
import dev.strata.graphql.Batches;
import dev.strata.graphql.Connection;
import dev.strata.graphql.GlobalId;
import dev.strata.graphql.NodeFetcher;
import dev.strata.graphql.Paging;
import dev.strata.rule.SegmentRule;
import dev.strata.security.Scopes;
import dev.strata.security.Viewers;
import dev.strata.shared.Scope;
import graphql.GraphQLContext;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** GraphQL entry to segments: saving them, previewing rules, overlaps, members and snapshots. */
@Controller
class SegmentController implements NodeFetcher {

    private final SegmentService segments;
    private final SegmentAudiences audiences;
    private final CustomerService customers;

    SegmentController(SegmentService segments, SegmentAudiences audiences, CustomerService customers) {
        this.segments = segments;
        this.audiences = audiences;
        this.customers = customers;
    }

    @QueryMapping
    Segment segment(@Argument String id) {
        return segments.find(GlobalId.localId(id, typeName()));
    }

    @QueryMapping
    Connection<Segment> segments(@Argument Integer first, @Argument String after) {
        return segments.list(Paging.of(first, after));
    }

    @QueryMapping
    SegmentInputs.SegmentPreview previewSegment(@Argument SegmentRule rule, @Argument Integer sampleSize, Scope scope) {
        return audiences.preview(rule, sampleSize, scope);
    }

    @QueryMapping
    List<SegmentInputs.SegmentOverlap> segmentOverlap(@Argument List<String> ids, Scope scope) {
        return audiences.overlap(ids, scope);
    }

    @MutationMapping
    SegmentInputs.SegmentPayload createSegment(@Argument SegmentInputs.CreateSegmentInput input, Scope scope) {
        return segments.create(input, scope, Viewers.name());
    }

    @MutationMapping
    SegmentInputs.SegmentPayload updateSegment(@Argument SegmentInputs.UpdateSegmentInput input, Scope scope) {
        return segments.update(input, scope);
    }

    @MutationMapping
    SegmentInputs.DeleteSegmentPayload deleteSegment(@Argument SegmentInputs.DeleteSegmentInput input, Scope scope) {
        return segments.delete(input, scope);
    }

    @MutationMapping
    SegmentInputs.SnapshotSegmentPayload snapshotSegment(@Argument SegmentInputs.SnapshotSegmentInput input, Scope scope) {
        return audiences.snapshot(input, scope, Viewers.name());
    }

    /** Exact and live, in the viewer's scope; a page of segments shares one scope bitmap. */
    @BatchMapping
    Map<Segment, Integer> customerCount(List<Segment> page, GraphQLContext request) {
        Scope scope = Scopes.of(request);
        return Batches.byKey(page, segment -> audiences.members(segment, scope).getCardinality());
    }

    @SchemaMapping
    Connection<Customer> customers(Segment segment, @Argument Integer first, @Argument String after, Scope scope) {
        return customers.page(audiences.members(segment, scope), Paging.of(first, after));
    }

    @SchemaMapping(typeName = "EventCondition", field = "minCount")
    int minCount(SegmentRule.EventCondition condition) {
        return condition.minCountOrDefault();
    }

    @SchemaMapping(typeName = "SegmentSnapshot", field = "segment")
    Segment snapshotSegment(SegmentSnapshot snapshot) {
        return segments.find(snapshot.segmentId());
    }

    @Override
    public String typeName() {
        return "Segment";
    }

    @Override
    public Object fetch(String localId, Scope scope) {
        return segments.find(localId);
    }

    /** Snapshots are nodes too. */
    @org.springframework.stereotype.Component
    static class SnapshotNodes implements NodeFetcher {

        private final SegmentService segments;

        SnapshotNodes(SegmentService segments) {
            this.segments = segments;
        }

        @Override
        public String typeName() {
            return "SegmentSnapshot";
        }

        @Override
        public Object fetch(String localId, Scope scope) {
            return segments.findSnapshot(localId);
        }
    }
}
