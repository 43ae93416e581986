package dev.strata.scoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import dev.strata.customer.Customer;
import dev.strata.shared.Tier;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;

/**
 * What one scoring result writes, and the guard on a tier change: a tier change appends history, so it applies only
 * while the customer is still in the tier it was scored from (two rescorings of one customer append one entry).
 */
final class ScoreUpdates {

    private ScoreUpdates() {
    }

    /**
     * The store update of one result: only the fields that moved. A tier history entry carries {@code writeId}, unique to
     * the write, by which the writer tells afterwards whether its guarded change applied.
     */
    static Update update(Engine.Result result, Instant now, String writeId) {
        Update update = new Update();
        if (result.tierChange() != null) {
            update.set("tier", result.tierChange().to().name());
            update.push("tierHistory", new Document("from", result.tierChange().from().name())
                    .append("to", result.tierChange().to().name()).append("at", Date.from(now))
                    .append("reason", result.tierChange().reason()).append("writeId", writeId));
        }
        if (result.value() != null) {
            Customer.CustomerValue v = result.value();
            update.set("value", new Document("currentValue", v.currentValue()).append("potentialValue", v.potentialValue())
                    .append("lifetimeValue", v.lifetimeValue()).append("churnRisk", v.churnRisk())
                    .append("quadrant", v.quadrant().name()).append("scoredAt", Date.from(v.scoredAt()))
                    .append("modelVersion", v.modelVersion()));
        }
        if (result.stage() != null) {
            update.set("lifecycleStage", result.stage().name());
        }
        if (result.depositMonths() != null) {
            List<Document> months = new ArrayList<>();
            result.depositMonths().forEach(m -> months.add(new Document("month", m.month())
                    .append("avgDailyDeposit", new Decimal128(m.avgDailyDeposit()))));
            update.set("scoring.depositMonths", months);
        }
        if (result.peakProducts() != null) {
            update.set("scoring.peakProducts", result.peakProducts());
        }
        return update;
    }

    /** The condition a tier change is written under: the customer is still in the tier it was scored from. */
    static Criteria guard(Facts facts) {
        // A stored customer without a tier is ORDINARY (see Customer).
        return facts.tier() == Tier.ORDINARY ? Criteria.where("tier").in(Tier.ORDINARY.name(), null)
                : Criteria.where("tier").is(facts.tier().name());
    }

    /** Whether the stored history holds the entry of write {@code writeId} (so its guarded change applied). */
    static boolean applied(Document stored, String writeId) {
        if (!(stored.get("tierHistory") instanceof List<?> entries)) {
            return false;
        }
        for (Object entry : entries) {
            if (entry instanceof Document change && writeId.equals(change.getString("writeId"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Applies a score update to a document not yet stored, as the store would: {@code $set} of (dotted) paths and
     * {@code $push} of one entry; the update is the one {@link #update} builds, so a new and a stored customer get the same fields.
     */
    static void applyTo(Document document, Update update) {
        Document operations = update.getUpdateObject();
        for (String operator : operations.keySet()) {
            Document paths = (Document) operations.get(operator);
            switch (operator) {
                case "$set" -> paths.forEach((path, value) -> parentOf(document, path).put(leaf(path), value));
                case "$push" -> paths.forEach((path, value) -> pushInto(parentOf(document, path), leaf(path), value));
                default -> throw new IllegalArgumentException("A score update does not use " + operator);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void pushInto(Document parent, String field, Object value) {
        Object existing = parent.get(field);
        List<Object> list = existing instanceof List<?> l ? new ArrayList<>((List<Object>) l) : new ArrayList<>();
        list.add(value);
        parent.put(field, list);
    }

    private static Document parentOf(Document document, String path) {
        Document parent = document;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            Object child = parent.get(parts[i]);
            if (child instanceof Document next) {
                parent = next;
            } else {
                Document created = new Document();
                parent.put(parts[i], created);
                parent = created;
            }
        }
        return parent;
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
