package dev.strata.campaign;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.strata.shared.Channel;
import dev.strata.touchpoint.Touchpoint;
import dev.strata.touchpoint.TouchpointStatus;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * A campaign's measurement kept as counters in its own document ({@code $inc} on {@code counters} as things happen),
 * so the campaign and its stats come back in one lookup by ID. Funnel counters mean "reached this status or beyond".
 */
@Component
class StatsCounters {

    /** The campaign document's field that holds the counters. */
    static final String FIELD = "counters";
    static final List<TouchpointStatus> FUNNEL = List.of(TouchpointStatus.SENT, TouchpointStatus.DELIVERED,
            TouchpointStatus.OPENED, TouchpointStatus.CLICKED, TouchpointStatus.CONVERTED);

    private final MongoTemplate mongo;

    StatsCounters(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Increments gathered for one campaign, written in one update. */
    static final class Increments {
        final Map<String, Long> counts = new HashMap<>();

        Increments add(String key, long by) {
            counts.merge(key, by, Long::sum);
            return this;
        }

        /** A touchpoint moved from {@code from} (null when new) to {@code to}; counts every funnel level passed. */
        Increments moved(Touchpoint t, TouchpointStatus from, TouchpointStatus to, BigDecimal channelCost) {
            List<String> scopes = scopes(t);
            if (to == TouchpointStatus.SUPPRESSED || to == TouchpointStatus.FAILED) {
                String name = to == TouchpointStatus.SUPPRESSED ? "suppressed" : "failed";
                scopes.forEach(scope -> add(scope + name, 1));
                return this;
            }
            int fromRank = rank(from);
            int toRank = rank(to);
            for (int level = fromRank + 1; level <= toRank; level++) {
                String name = FUNNEL.get(level - 1).name().toLowerCase(java.util.Locale.ROOT);
                scopes.forEach(scope -> add(scope + name, 1));
            }
            if (fromRank < 1 && toRank >= 1 && channelCost != null && channelCost.signum() > 0) {
                long cents = channelCost.movePointRight(2).longValue();
                scopes.forEach(scope -> add(scope + "costCents", cents));
            }
            return this;
        }

        Increments revenue(Touchpoint t, BigDecimal revenue) {
            if (revenue != null && revenue.signum() > 0) {
                long cents = revenue.movePointRight(2).longValue();
                scopes(t).forEach(scope -> add(scope + "revenueCents", cents));
            }
            return this;
        }

        private static List<String> scopes(Touchpoint t) {
            List<String> scopes = new java.util.ArrayList<>(List.of("t.", "ch." + t.channel() + "."));
            if (t.stepKey() != null) {
                scopes.add("st." + t.stepKey() + ".");
                if (t.variant() != null) {
                    scopes.add("v." + t.stepKey() + "/" + t.variant() + ".");
                }
            }
            return scopes;
        }
    }

    /** The funnel rank of a status: 0 before SENT, 1 SENT … 5 CONVERTED; -1 for SUPPRESSED and FAILED. */
    static int rank(TouchpointStatus status) {
        return status == null || status == TouchpointStatus.PLANNED ? 0 : FUNNEL.indexOf(status) + 1;
    }

    void apply(String campaignId, Increments increments) {
        if (increments.counts.isEmpty()) {
            return;
        }
        Update update = new Update();
        increments.counts.forEach((key, by) -> update.inc(FIELD + "." + key, by));
        write(campaignId, update);
    }

    void set(String campaignId, String key, long value) {
        write(campaignId, new Update().set(FIELD + "." + key, value));
    }

    /** The counters as of the campaign's read (none before its launch). */
    static Document of(Campaign campaign) {
        return campaign.counters() == null ? new Document() : campaign.counters();
    }

    /** Counts on an existing campaign only: a stray update for a deleted or unknown ID must not create a document. */
    private void write(String campaignId, Update update) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(campaignId)), update, Campaign.COLLECTION);
    }

    static Increments increments() {
        return new Increments();
    }

    static String channelScope(Channel channel) {
        return "ch." + channel + ".";
    }
}
