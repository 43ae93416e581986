package dev.strata.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.strata.customer.Customer;
import dev.strata.customer.CustomerService;
import dev.strata.graphql.BadRequestException;
import dev.strata.graphql.GlobalId;
import dev.strata.graphql.NotFoundException;
import dev.strata.graphql.UserError;
import dev.strata.rule.RuleEvaluator;
import dev.strata.rule.RuleValidator;
import dev.strata.rule.SegmentRule;
import dev.strata.shared.Scope;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Who is in a segment or rule, always intersected with the scope of whoever asks. */
@Service
public class SegmentAudiences {

    static final int MAX_SAMPLE = 100;
    static final int MAX_OVERLAP = 10;

    private final RuleEvaluator evaluator;
    private final RuleValidator validator;
    private final CustomerService customers;
    private final SegmentService segments;
    private final SegmentSnapshots snapshots;
    private final MongoTemplate mongo;

    SegmentAudiences(RuleEvaluator evaluator, RuleValidator validator, CustomerService customers, SegmentService segments,
            SegmentSnapshots snapshots, MongoTemplate mongo) {
        this.evaluator = evaluator;
        this.validator = validator;
        this.customers = customers;
        this.segments = segments;
        this.snapshots = snapshots;
        this.mongo = mongo;
    }

    /** The segment's members the scope sees (a new bitmap). */
    public RoaringBitmap members(Segment segment, Scope scope) {
        return RoaringBitmap.and(evaluator.members(segment.rule()), customers.visibleMembers(scope));
    }

    /** Members, by segment ID, the scope sees; for campaigns and the customer filter. */
    public RoaringBitmap members(String segmentId, Scope scope) {
        Segment segment = mongo.findById(segmentId, Segment.class);
        return segment == null ? new RoaringBitmap() : members(segment, scope);
    }

    @PreAuthorize(SegmentService.STAFF)
    public SegmentInputs.SegmentPreview preview(SegmentRule rule, Integer sampleSize, Scope scope) {
        long started = System.nanoTime();
        int size = sampleSize == null ? 10 : sampleSize;
        if (size < 0 || size > MAX_SAMPLE) {
            throw new BadRequestException("sampleSize must be between 0 and " + MAX_SAMPLE);
        }
        List<UserError> errors = validator.validate(rule, "rule", null);
        if (!errors.isEmpty()) {
            return new SegmentInputs.SegmentPreview(0, List.of(), millisSince(started), errors);
        }
        RoaringBitmap members = RoaringBitmap.and(evaluator.members(rule), customers.visibleMembers(scope));
        int count = members.getCardinality();
        double tookMs = millisSince(started);
        return new SegmentInputs.SegmentPreview(count, customers.firstOf(members, size), tookMs, List.of());
    }

    @PreAuthorize(SegmentService.STAFF)
    public List<SegmentInputs.SegmentOverlap> overlap(List<String> ids, Scope scope) {
        if (ids.size() > MAX_OVERLAP) {
            throw new BadRequestException("at most " + MAX_OVERLAP + " segments");
        }
        List<String> localIds = ids.stream().map(id -> GlobalId.localId(id, "Segment")).distinct().toList();
        Map<String, Segment> byId = mongo.find(Query.query(Criteria.where("_id").in(localIds)), Segment.class).stream()
                .collect(Collectors.toMap(Segment::id, Function.identity()));
        if (byId.size() < localIds.size()) {
            throw new NotFoundException("No such segment");
        }
        List<Segment> found = localIds.stream().map(byId::get).toList();
        List<RoaringBitmap> members = found.stream().map(segment -> members(segment, scope)).toList();
        List<SegmentInputs.SegmentOverlap> pairs = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            for (int j = i + 1; j < found.size(); j++) {
                pairs.add(new SegmentInputs.SegmentOverlap(found.get(i), found.get(j),
                        RoaringBitmap.andCardinality(members.get(i), members.get(j))));
            }
        }
        return pairs;
    }

    @PreAuthorize(SegmentService.MAKERS)
    public SegmentInputs.SnapshotSegmentPayload snapshot(SegmentInputs.SnapshotSegmentInput input, Scope scope, String actor) {
        SegmentService.Found found = segments.changeable(input.segmentId(), scope, "segmentId");
        if (found.error() != null) {
            return new SegmentInputs.SnapshotSegmentPayload(null, List.of(found.error()));
        }
        SegmentSnapshot snapshot = snapshots.take(found.segment().id(), members(found.segment(), scope), actor);
        return new SegmentInputs.SnapshotSegmentPayload(snapshot, List.of());
    }

    private static double millisSince(long started) {
        return Math.round((System.nanoTime() - started) / 10_000.0) / 100.0;
    }
}
