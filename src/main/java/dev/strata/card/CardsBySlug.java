package dev.strata.card;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The cards behind slugs for recording visits, cached a few seconds; a bean of its own because the card service is
 * proxied for its secured methods, and a call through that proxy cost a visit more than the cached read.
 */
@Component
class CardsBySlug {

    private static final long CACHE_MILLIS = 5_000;
    private static final int MAX_CACHED = 10_000;

    private final MongoTemplate mongo;
    private final Map<String, Cached> bySlug = new ConcurrentHashMap<>();

    private record Cached(BusinessCard card, long until) {
    }

    CardsBySlug(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The card behind a slug (cached a few seconds), or null for an unknown or malformed one. */
    BusinessCard get(String slug) {
        if (!CardSlugs.wellFormed(slug)) {
            return null;
        }
        long now = System.currentTimeMillis();
        Cached cached = bySlug.get(slug);
        if (cached != null && cached.until() > now) {
            return cached.card();
        }
        BusinessCard card = mongo.findOne(Query.query(Criteria.where("slug").is(slug)), BusinessCard.class);
        if (bySlug.size() > MAX_CACHED) {
            bySlug.clear();
        }
        bySlug.put(slug, new Cached(card, now + CACHE_MILLIS));
        return card;
    }

    /** A card changed: its next visit reads it afresh. */
    void forget(String slug) {
        bySlug.remove(slug);
    }
}
