package dev.strata.card;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.BasicUpdate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Writes a batch of visits onto the radar: one atomic upsert per (RM, visitor) entry, all in one unordered bulk write,
 * then reads back by {@code _id} only the entries of radars this instance holds in memory, to keep them exact. The
 * updates are plain BSON sent to the collection as they are: mapping them through Spring Data cost as much as the write.
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
            view.stored(mongo.findAndModify(byId(only.getKey()), new BasicUpdate(only.getValue().update()),
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
        List<WriteModel<Document>> upserts = new ArrayList<>(keys.size());
        UpdateOptions upsert = new UpdateOptions().upsert(true);
        keys.forEach(key -> upserts.add(new UpdateOneModel<>(Filters.eq("_id", key), entries.get(key).update(), upsert)));
        try {
            mongo.getCollection(mongo.getCollectionName(CardVisitorEntry.class))
                    .bulkWrite(upserts, new BulkWriteOptions().ordered(false));
            return List.of();
        } catch (MongoBulkWriteException e) {
            List<String> lost = new ArrayList<>();
            for (BulkWriteError error : e.getWriteErrors()) {
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

        /** The update as stored BSON: instants as dates, as the entry's mapping stores them. */
        Document update() {
            Document inc = new Document("visits", visits);
            incIfAny(inc, "views", views);
            incIfAny(inc, "productViews", productViews);
            incIfAny(inc, "callTaps", callTaps);
            incIfAny(inc, "shares", shares);
            incIfAny(inc, "contacts", contacts);
            Document update = new Document("$inc", inc)
                    .append("$max", new Document("lastVisitAt", Date.from(lastAt)))
                    .append("$min", new Document("firstVisitAt", Date.from(firstAt)))
                    .append("$setOnInsert", new Document("managerCode", first.managerCode()).append("customerId", first.customerId()));
            if (!productCodes.isEmpty()) {
                update.append("$addToSet", new Document("productCodes", new Document("$each", new ArrayList<>(productCodes))));
            }
            if (contacts > 0) {
                Document set = new Document("leftContact", true);
                if (possibleMatch != null) {
                    set.append("possibleMatchId", possibleMatch);
                }
                update.append("$set", set);
            }
            return update;
        }

        private static void incIfAny(Document inc, String field, int count) {
            if (count > 0) {
                inc.append(field, count);
            }
        }
    }
}
