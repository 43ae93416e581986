package dev.strata.campaign;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * When each enrollment's next step is due, keyed so that finding due work is a handful of {@code _id} lookups:
 * entries sit in one-second slots split into shards (documents {@code <slot millis>:<shard>}), and one index
 * document lists the slots that hold entries. A runner leases a slot shard, works its entries, pulls them.
 * Entries are {@code enrollmentId|stepSeq}. Nothing is put into a slot that has passed, so an emptied past
 * slot can be dropped from the index without racing a writer.
 */
@Component
class Schedule {

    static final String SLOTS = "campaign_schedule";
    static final String INDEX = "campaign_schedule_index";
    static final int SHARDS = 8;
    static final Duration GRACE = Duration.ofSeconds(30);

    private final MongoTemplate mongo;
    private final Clock clock;

    Schedule(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** A due step of an enrollment. */
    record Entry(String enrollmentId, long stepSeq, Instant dueAt) {
        String token() {
            return enrollmentId + "|" + stepSeq;
        }
    }

    /** Claimed entries of one slot shard, leased to a runner. */
    record Claim(String slotId, List<String> entries) {
    }

    void add(Collection<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        long earliest = slotOf(clock.instant());
        Map<String, List<String>> bySlot = new HashMap<>();
        TreeSet<Long> slots = new TreeSet<>();
        for (Entry entry : entries) {
            long slot = Math.max(earliest, slotOf(entry.dueAt()));
            slots.add(slot);
            bySlot.computeIfAbsent(slotId(slot, Math.floorMod(entry.enrollmentId().hashCode(), SHARDS)),
                    k -> new ArrayList<>()).add(entry.token());
        }
        mongo.upsert(Query.query(Criteria.where("_id").is("slots")), new Update().addToSet("slots").each(slots.toArray()),
                INDEX);
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, SLOTS);
        bySlot.forEach((id, tokens) -> bulk.upsert(Query.query(Criteria.where("_id").is(id)),
                new Update().push("entries").each(tokens.toArray()).inc("count", tokens.size())));
        bulk.execute();
    }

    /** Leases due slot shards until about {@code max} entries are claimed. */
    List<Claim> claim(String owner, int max, Duration lease) {
        Instant now = clock.instant();
        List<Long> due = dueSlots(now);
        List<Claim> claims = new ArrayList<>();
        int taken = 0;
        for (int from = 0; from < due.size() && taken < max; from += 16) {
            List<String> ids = new ArrayList<>();
            due.subList(from, Math.min(due.size(), from + 16)).forEach(slot -> {
                for (int shard = 0; shard < SHARDS; shard++) {
                    ids.add(slotId(slot, Math.floorMod(shard + owner.hashCode(), SHARDS)));
                }
            });
            Query existing = Query.query(Criteria.where("_id").in(ids));
            existing.fields().include("_id", "leaseUntil", "count");
            for (Document slot : mongo.find(existing, Document.class, SLOTS)) {
                if (taken >= max || ((Number) slot.getOrDefault("count", 0)).intValue() <= 0
                        && !isPast(slot.getString("_id"), now)) {
                    continue;
                }
                Document claimed = mongo.findAndModify(Query.query(new Criteria().andOperator(
                                Criteria.where("_id").is(slot.getString("_id")),
                                new Criteria().orOperator(Criteria.where("leaseUntil").is(null),
                                        Criteria.where("leaseUntil").lt(now)))),
                        new Update().set("leaseOwner", owner).set("leaseUntil", now.plus(lease)),
                        FindAndModifyOptions.options().returnNew(true), Document.class, SLOTS);
                if (claimed != null) {
                    List<String> entries = claimed.getList("entries", String.class, List.of());
                    List<String> mine = new ArrayList<>(entries.subList(0, Math.min(entries.size(), max - taken)));
                    taken += mine.size();
                    claims.add(new Claim(claimed.getString("_id"), mine));
                }
            }
        }
        return claims;
    }

    /** Takes worked entries out of their slot and ends the lease; an emptied past slot is dropped. */
    void done(Claim claim) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(claim.slotId())), new Update().pullAll("entries",
                claim.entries().toArray()).inc("count", -claim.entries().size()).unset("leaseOwner").unset("leaseUntil"),
                SLOTS);
        long slot = Long.parseLong(claim.slotId().substring(0, claim.slotId().indexOf(':')));
        if (slot < clock.instant().minus(GRACE).toEpochMilli()) {
            mongo.remove(Query.query(Criteria.where("_id").is(claim.slotId()).and("count").lte(0)), SLOTS);
            List<String> shards = new ArrayList<>();
            for (int shard = 0; shard < SHARDS; shard++) {
                shards.add(slotId(slot, shard));
            }
            if (!mongo.exists(Query.query(Criteria.where("_id").in(shards)), SLOTS)) {
                mongo.updateFirst(Query.query(Criteria.where("_id").is("slots")), new Update().pull("slots", slot), INDEX);
            }
        }
    }

    /** The earliest slot holding work, or null: where the test clock stops next. Drops emptied past slots. */
    Instant earliest() {
        Document index = mongo.findById("slots", Document.class, INDEX);
        List<Long> slots = index == null ? List.of() : index.getList("slots", Long.class, List.of()).stream().sorted().toList();
        long past = clock.instant().minus(GRACE).toEpochMilli();
        for (int from = 0; from < slots.size(); from += 16) {
            List<Long> chunk = slots.subList(from, Math.min(slots.size(), from + 16));
            List<String> ids = new ArrayList<>();
            chunk.forEach(slot -> {
                for (int shard = 0; shard < SHARDS; shard++) {
                    ids.add(slotId(slot, shard));
                }
            });
            Query query = Query.query(Criteria.where("_id").in(ids));
            query.fields().include("_id", "count");
            Map<Long, Integer> counts = new HashMap<>();
            for (Document doc : mongo.find(query, Document.class, SLOTS)) {
                String id = doc.getString("_id");
                counts.merge(Long.parseLong(id.substring(0, id.indexOf(':'))),
                        ((Number) doc.getOrDefault("count", 0)).intValue(), Integer::sum);
            }
            for (Long slot : chunk) {
                int count = counts.getOrDefault(slot, 0);
                if (count > 0) {
                    return Instant.ofEpochMilli(slot);
                }
                if (slot < past) {
                    mongo.remove(Query.query(Criteria.where("_id").in(ids.stream()
                            .filter(id -> id.startsWith(String.format("%013d:", slot))).toList()).and("count").lte(0)), SLOTS);
                    mongo.updateFirst(Query.query(Criteria.where("_id").is("slots")), new Update().pull("slots", slot), INDEX);
                }
            }
        }
        return null;
    }

    private List<Long> dueSlots(Instant now) {
        Document index = mongo.findById("slots", Document.class, INDEX);
        if (index == null) {
            return List.of();
        }
        return index.getList("slots", Long.class, List.of()).stream().filter(slot -> slot <= now.toEpochMilli()).sorted()
                .toList();
    }

    private boolean isPast(String slotId, Instant now) {
        return Long.parseLong(slotId.substring(0, slotId.indexOf(':'))) < now.minus(GRACE).toEpochMilli();
    }

    /** The slot of an instant: the next whole second, so nothing in a slot is due after the slot starts. */
    static long slotOf(Instant at) {
        return Math.floorDiv(at.toEpochMilli() + 999, 1000) * 1000;
    }

    private static String slotId(long slot, int shard) {
        return String.format("%013d:%d", slot, shard);
    }
}
