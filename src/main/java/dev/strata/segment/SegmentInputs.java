package dev.strata.segment;

import java.util.List;

import dev.strata.customer.Customer;
import dev.strata.graphql.UserError;
import dev.strata.rule.SegmentRule;

/** Inputs and payloads of the segment operations. */
final class SegmentInputs {

    private SegmentInputs() {
    }

    record CreateSegmentInput(String name, String description, SegmentRule rule) {
    }

    record UpdateSegmentInput(String id, String name, String description, SegmentRule rule) {
    }

    record DeleteSegmentInput(String id) {
    }

    record SnapshotSegmentInput(String segmentId) {
    }

    /** Payload of create and update. */
    record SegmentPayload(Segment segment, List<UserError> userErrors) {
        static SegmentPayload error(List<UserError> errors) {
            return new SegmentPayload(null, errors);
        }
    }

    record DeleteSegmentPayload(String deletedId, List<UserError> userErrors) {
    }

    record SnapshotSegmentPayload(SegmentSnapshot snapshot, List<UserError> userErrors) {
    }

    /** What a preview shows: an exact count, the first few customers, how long it took. */
    record SegmentPreview(int count, List<Customer> sample, double tookMs, List<UserError> userErrors) {
    }

    /** How many customers two segments share. */
    record SegmentOverlap(Segment a, Segment b, int count) {
    }
}
