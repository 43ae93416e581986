package dev.strata.segment;

import java.time.Instant;

import dev.strata.graphql.NodeEntity;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A segment's membership frozen at one moment; the members themselves are a serialized bitmap kept in
 * {@link SegmentSnapshots#CHUNKS} in pieces under MongoDB's 16 MB document limit.
 */
@Document("segment_snapshots")
public record SegmentSnapshot(@Id String id, String segmentId, int count, int chunks, String takenBy, Instant takenAt)
        implements NodeEntity {
}
