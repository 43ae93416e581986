package dev.strata.card;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.bulk.BulkWriteError;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Writes a batch of visits onto the radar: one atomic upsert per (RM, visitor) entry, all in one unordered bulk write,
 * then reads back by {@code _id} only the entries of radars this instance holds in memory, to keep them exact.
 */
@Component
class RadarWrites {

    private static final int DUPLICATE_KEY = 11000;
    private static final int READ_CHUNK = 100;

    private final MongoTemplate mongo;
    private final RadarView view;

    RadarWrites(MongoTemplate mongo, RadarView view) {
        this.mongo = mongo;
        this.view = view;
    }

    /** One visit as the radar counts it; {@code possibleMatch} names a same-number customer of the RM's book, or is null. */
    record Visit(String managerCode, String customerId, CardInputs.CardAction action, String productCode, Instant at,
            String possibleMatch) {
    }

    void record(List<Visit> visits) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (Visit visit : visits) {
            entries.computeIfAbsent(CardVisitorEntry.key(visit.managerCode(), visit.customerId()), k -> new Entry(visit))
                    .add(visit);
        }
        if (entries.size() == 1) {
            Map.Entry<String, Entry> only = entries.entrySet().iterator().next();
            view.stored(mongo.findAndModify(byId(only.getKey()), only.getValue().update(),
                    FindAndModifyOptions.options().upsert(true).returnNew(true), CardVisitorEntry.class));
            return;
        }
        List<String> keys = new ArrayList<>(entries.keySet());
        List<String> lost = upsert(keys, entries);
        // Two writers creating the same entry at once: the loser's increments apply to the winner's entry now.
        if (!lost.isEmpty() && !upsert(lost, entries).isEmpty()) {
            throw new IllegalStateException("A radar entry could not be written");
        }
        refreshHeld(keys, entries);
    }

    /** Upserts the entries named; returns those refused as duplicates (an insert race on the key). */
    private List<String> upsert(List<String> keys, Map<String, Entry> entries) {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, CardVisitorEntry.class);
        keys.forEach(key -> bulk.upsert(byId(key), entries.get(key).update()));
        try {
            bulk.execute();
            return List.of();
        } catch (BulkOperationException e) {
            List<String> lost = new ArrayList<>();
            for (BulkWriteError error : e.getErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
                lost.add(keys.get(error.getIndex()));
            }
            return lost;
        }
    }

    /** Re-reads the written entries of radars held in memory; the others are read when their RM next looks. */
    private void refreshHeld(List<String> keys, Map<String, Entry> entries) {
        List<String> held = keys.stream().filter(key -> view.holds(entries.get(key).first.managerCode())).toList();
        for (int from = 0; from < held.size(); from += READ_CHUNK) {
            List<String> chunk = held.subList(from, Math.min(held.size(), from + READ_CHUNK));
            mongo.find(Query.query(Criteria.where("_id").in(chunk)), CardVisitorEntry.class).forEach(view::stored);
        }
    }

    private static Query byId(String key) {
        return Query.query(Criteria.where("_id").is(key));
    }

    /** The visits of one batch to one radar entry, summed into one update. */
    private static final class Entry {
        final Visit first;
        int visits;
        int views;
        int productViews;
        int callTaps;
        int shares;
        int contacts;
        final Set<String> productCodes = new LinkedHashSet<>();
        Instant firstAt;
        Instant lastAt;
        String possibleMatch;

        Entry(Visit first) {
            this.first = first;
        }

        void add(Visit visit) {
            visits++;
            firstAt = firstAt == null || visit.at().isBefore(firstAt) ? visit.at() : firstAt;
            lastAt = lastAt == null || visit.at().isAfter(lastAt) ? visit.at() : lastAt;
            switch (visit.action()) {
                case VIEW -> views++;
                case PRODUCT_VIEW -> {
                    productViews++;
                    productCodes.add(visit.productCode());
                }
                case CALL_TAP -> callTaps++;
                case SHARE -> shares++;
                case LEAVE_CONTACT -> {
                    contacts++;
                    possibleMatch = visit.possibleMatch() != null ? visit.possibleMatch() : possibleMatch;
                }
            }
        }

        Update update() {
            Update update = new Update().inc("visits", visits).max("lastVisitAt", lastAt).min("firstVisitAt", firstAt)
                    .setOnInsert("managerCode", first.managerCode()).setOnInsert("customerId", first.customerId());
            incIfAny(update, "views", views);
            incIfAny(update, "productViews", productViews);
            incIfAny(update, "callTaps", callTaps);
            incIfAny(update, "shares", shares);
            if (!productCodes.isEmpty()) {
                update.addToSet("productCodes").each(productCodes.toArray());
            }
            if (contacts > 0) {
                update.inc("contacts", contacts).set("leftContact", true);
                if (possibleMatch != null) {
                    update.set("possibleMatchId", possibleMatch);
                }
            }
            return update;
        }

        private static void incIfAny(Update update, String field, int count) {
            if (count > 0) {
                update.inc(field, count);
            }
        }
    }
}
