package dev.strata.segment;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Stores and loads frozen memberships: the serialized bitmap in chunks keyed {@code <snapshot>:<n>}, so
 * loading one is a handful of {@code _id} lookups however many customers it holds.
 */
@Component
public class SegmentSnapshots {

    static final String CHUNKS = "segment_snapshot_chunks";
    /** Well under the 16 MB document limit, leaving room for the document's own fields. */
    static final int CHUNK_BYTES = 8 * 1024 * 1024;

    private final MongoTemplate mongo;
    private final Clock clock;

    SegmentSnapshots(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Freezes {@code members} as a snapshot of the segment; chunks are written before the snapshot that names them. */
    SegmentSnapshot take(String segmentId, RoaringBitmap members, String takenBy) {
        return take(segmentId, members, takenBy, CHUNK_BYTES);
    }

    SegmentSnapshot take(String segmentId, RoaringBitmap members, String takenBy, int chunkBytes) {
        String id = new ObjectId().toHexString();
        byte[] bytes = serialize(members);
        List<Document> chunks = new ArrayList<>();
        for (int from = 0, n = 0; from < bytes.length || n == 0; from += chunkBytes, n++) {
            int to = Math.min(bytes.length, from + chunkBytes);
            byte[] part = java.util.Arrays.copyOfRange(bytes, from, to);
            chunks.add(new Document("_id", id + ":" + n).append("snapshotId", id).append("n", n).append("data", new Binary(part)));
        }
        chunks.forEach(chunk -> mongo.insert(chunk, CHUNKS));
        return mongo.insert(new SegmentSnapshot(id, segmentId, members.getCardinality(), chunks.size(), takenBy, clock.instant()));
    }

    /** A snapshot's record, or empty. */
    public Optional<SegmentSnapshot> find(String snapshotId) {
        return Optional.ofNullable(mongo.findById(snapshotId, SegmentSnapshot.class));
    }

    /** The customers (audience {@code seq}s) a snapshot froze. */
    public RoaringBitmap members(SegmentSnapshot snapshot) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int n = 0; n < snapshot.chunks(); n++) {
            Document chunk = mongo.findOne(Query.query(Criteria.where("_id").is(snapshot.id() + ":" + n)), Document.class, CHUNKS);
            if (chunk == null) {
                throw new IllegalStateException("Snapshot " + snapshot.id() + " is missing chunk " + n);
            }
            bytes.writeBytes(chunk.get("data", Binary.class).getData());
        }
        RoaringBitmap members = new RoaringBitmap();
        try {
            members.deserialize(ByteBuffer.wrap(bytes.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return members;
    }

    private static byte[] serialize(RoaringBitmap members) {
        RoaringBitmap compact = members.clone();
        compact.runOptimize();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(compact.serializedSizeInBytes());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            compact.serialize(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
