package dev.strata.campaign;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * When each enrollment's next step is due, keyed so that finding and claiming due work are {@code _id} lookups:
 * entries ({@code enrollmentId|stepSeq}) sit in pages of at most {@link #PAGE}, each page in one of {@link #LANES}
 * lanes by customer, and a lane document lists its pages (see {@link #ref}). A runner
 * leases a whole lane, so no two runners ever work the same customer at once (the frequency cap stays exact), and
 * a worked page stays as a tombstone until its step claims may be dropped ({@link #CLAIMS_KEPT}).
 */
@Component
class Schedule {

    static final String PAGES = "campaign_schedule";
    static final String LANE_DOCS = "campaign_schedule_lanes";
    static final int LANES = 8;
    static final int PAGE = 500;
    private static final char WORK = 'W';
    private static final char TOMBSTONE = 'T';
    /** A listed page missing this long after it fell due was never written (its writer died) or is gone. */
    static final Duration GRACE = Duration.ofSeconds(30);
    /** Longer than any batch may run before it gives up ({@link JourneyRunner#LEASE}), with room to spare. */
    static final Duration CLAIMS_KEPT = JourneyRunner.LEASE.multipliedBy(2);

    private final MongoTemplate mongo;
    private final Clock clock;

    Schedule(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** A due step of an enrollment. */
    record Entry(String enrollmentId, String customerId, long stepSeq, Instant dueAt) {
        String token() {
            return StepClaims.key(enrollmentId, stepSeq);
        }
    }

    /** One page of a claimed lane: its entries to work, or (worked) the entries whose step claims are to be dropped. */
    record Page(String ref, boolean worked, List<String> entries) {
    }

    /** Due pages of one lane, leased to {@code owner} until {@code leaseUntil}; {@code gone}: listed pages never found. */
    record Claim(String lane, String owner, Instant leaseUntil, List<Page> pages, List<String> gone) {
        List<String> due() {
            return pages.stream().filter(p -> !p.worked()).flatMap(p -> p.entries().stream()).toList();
        }

        List<String> worked() {
            return pages.stream().filter(Page::worked).flatMap(p -> p.entries().stream()).toList();
        }
    }

    /** Lists the entries, in pages by lane and due second; the lane lists a page before it is written. */
    void add(Collection<Entry> entries) {
        add(entries, WORK);
    }

    /** Drops the step claims of these entries once {@link #CLAIMS_KEPT} has passed (claims made outside a page). */
    void forgetClaimsLater(Collection<Entry> entries) {
        Instant later = clock.instant().plus(CLAIMS_KEPT);
        add(entries.stream().map(e -> new Entry(e.enrollmentId(), e.customerId(), e.stepSeq(), later)).toList(), TOMBSTONE);
    }

    private void add(Collection<Entry> entries, char kind) {
        if (entries.isEmpty()) {
            return;
        }
        long earliest = slotOf(clock.instant());
        Map<String, List<String>> byLaneAndSlot = new HashMap<>();
        for (Entry entry : entries) {
            long slot = Math.max(earliest, slotOf(entry.dueAt()));
            byLaneAndSlot.computeIfAbsent(laneId(laneOf(entry.customerId())) + "@" + slot, k -> new ArrayList<>())
                    .add(entry.token());
        }
        Map<String, List<String>> refsByLane = new HashMap<>();
        List<Document> pages = new ArrayList<>();
        byLaneAndSlot.forEach((key, tokens) -> {
            String lane = key.substring(0, key.indexOf('@'));
            long slot = Long.parseLong(key.substring(key.indexOf('@') + 1));
            for (int from = 0; from < tokens.size(); from += PAGE) {
                List<String> page = tokens.subList(from, Math.min(tokens.size(), from + PAGE));
                // Not a bare ObjectId hex: the template's query mapping would turn such an _id into an ObjectId.
                String id = "p" + new ObjectId().toHexString();
                refsByLane.computeIfAbsent(lane, k -> new ArrayList<>()).add(ref(slot, kind, id, page.size()));
                pages.add(new Document("_id", id).append("entries", new ArrayList<>(page)));
            }
        });
        list(refsByLane);
        mongo.getCollection(PAGES).insertMany(pages);
    }

    /**
     * Leases the first free lane holding due pages and returns its due pages up to about {@code max} entries (at least
     * one page); null when no free lane has anything due. {@code from} spreads runners of one process over the lanes.
     */
    Claim claim(String owner, int max, Duration lease, int from) {
        Instant now = clock.instant();
        Map<String, Document> lanes = new HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(laneIds())), Document.class, LANE_DOCS)
                .forEach(d -> lanes.put(d.getString("_id"), d));
        for (int i = 0; i < LANES; i++) {
            String lane = laneId(Math.floorMod(from + i, LANES));
            Document seen = lanes.get(lane);
            if (seen == null || !free(seen, now) || due(seen, now).isEmpty()) {
                continue;
            }
            Document leased = mongo.findAndModify(Query.query(new Criteria().andOperator(Criteria.where("_id").is(lane),
                            new Criteria().orOperator(Criteria.where("leaseUntil").is(null), Criteria.where("leaseUntil").lt(now)))),
                    new Update().set("leaseOwner", owner).set("leaseUntil", now.plus(lease)),
                    FindAndModifyOptions.options().returnNew(true), Document.class, LANE_DOCS);
            if (leased != null) {
                Claim claim = pagesOf(lane, owner, now.plus(lease), due(leased, now), max, now);
                if (!claim.pages().isEmpty() || !claim.gone().isEmpty()) {
                    return claim;
                }
                release(claim); // only pages still being written: nothing to do here yet
            }
        }
        return null;
    }

    /**
     * Ends a claim: its worked pages become tombstones due {@link #CLAIMS_KEPT} from now, tombstones and pages never
     * found leave the lane, and the lease ends (only if still this owner's).
     */
    void done(Claim claim) {
        List<String> pulled = new ArrayList<>(claim.gone());
        List<String> tombstones = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        long keptUntil = slotOf(clock.instant().plus(CLAIMS_KEPT));
        for (Page page : claim.pages()) {
            pulled.add(page.ref());
            if (page.worked()) {
                deleted.add(pageId(page.ref()));
            } else {
                tombstones.add(ref(keptUntil, TOMBSTONE, pageId(page.ref()), page.entries().size()));
            }
        }
        if (!tombstones.isEmpty()) {
            list(Map.of(claim.lane(), tombstones));
        }
        if (!deleted.isEmpty()) {
            mongo.remove(Query.query(Criteria.where("_id").in(deleted)), PAGES);
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(claim.lane())), new Update().pullAll("pages", pulled.toArray()),
                LANE_DOCS);
        release(claim);
    }

    /** Ends the lease on the claim's lane if it is still this owner's. */
    private void release(Claim claim) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(claim.lane()).and("leaseOwner").is(claim.owner())),
                new Update().unset("leaseOwner").unset("leaseUntil"), LANE_DOCS);
    }

    /** The earliest moment any page falls due, or null: where the test clock stops next. */
    Instant earliest() {
        Long earliest = null;
        for (Document lane : mongo.find(Query.query(Criteria.where("_id").in(laneIds())), Document.class, LANE_DOCS)) {
            for (String ref : lane.getList("pages", String.class, List.of())) {
                earliest = earliest == null ? slotIn(ref) : Math.min(earliest, slotIn(ref));
            }
        }
        return earliest == null ? null : Instant.ofEpochMilli(earliest);
    }

    private Claim pagesOf(String lane, String owner, Instant leaseUntil, List<String> due, int max, Instant now) {
        List<String> taken = new ArrayList<>();
        int entries = 0;
        for (String ref : due) {
            if (!taken.isEmpty() && entries + countIn(ref) > max) {
                break;
            }
            taken.add(ref);
            entries += countIn(ref);
        }
        Map<String, Document> found = new HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(taken.stream().map(Schedule::pageId).toList())), Document.class, PAGES)
                .forEach(d -> found.put(d.getString("_id"), d));
        List<Page> pages = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        for (String ref : taken) {
            Document page = found.get(pageId(ref));
            if (page != null) {
                pages.add(new Page(ref, kindIn(ref) == TOMBSTONE, page.getList("entries", String.class, List.of())));
            } else if (slotIn(ref) < now.minus(GRACE).toEpochMilli()) {
                gone.add(ref);
            }
        }
        return new Claim(lane, owner, leaseUntil, pages, gone);
    }

    private void list(Map<String, List<String>> refsByLane) {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, LANE_DOCS);
        refsByLane.forEach((lane, refs) -> bulk.upsert(Query.query(Criteria.where("_id").is(lane)),
                new Update().addToSet("pages").each(refs.toArray())));
        bulk.execute();
    }

    private static boolean free(Document lane, Instant now) {
        Object until = lane.get("leaseUntil");
        return until == null || ((java.util.Date) until).toInstant().isBefore(now);
    }

    /** The lane's due page refs, earliest first. */
    private static List<String> due(Document lane, Instant now) {
        return lane.getList("pages", String.class, List.of()).stream().filter(ref -> slotIn(ref) <= now.toEpochMilli())
                .sorted().toList();
    }

    /** The slot of an instant: the next whole second, so nothing in a slot is due after the slot starts. */
    static long slotOf(Instant at) {
        return Math.floorDiv(at.toEpochMilli() + 999, 1000) * 1000;
    }

    static int laneOf(String customerId) {
        return Math.floorMod(customerId.hashCode(), LANES);
    }

    private static List<String> laneIds() {
        List<String> ids = new ArrayList<>(LANES);
        for (int lane = 0; lane < LANES; lane++) {
            ids.add(laneId(lane));
        }
        return ids;
    }

    private static String laneId(int lane) {
        return "lane:" + lane;
    }

    /** A lane's listing of a page: {@code <due millis>:<W to work, T a tombstone>:<page id>:<entries>}. */
    private static String ref(long slot, char kind, String pageId, int entries) {
        return String.format("%013d:%c:%s:%d", slot, kind, pageId, entries);
    }

    private static char kindIn(String ref) {
        return ref.charAt(14);
    }

    private static long slotIn(String ref) {
        return Long.parseLong(ref.substring(0, ref.indexOf(':')));
    }

    private static String pageId(String ref) {
        return ref.substring(16, ref.lastIndexOf(':'));
    }

    private static int countIn(String ref) {
        return Integer.parseInt(ref.substring(ref.lastIndexOf(':') + 1));
    }
}
