package dev.strata.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import de.bwaldvogel.mongo.bson.Document;

/**
 * Makes the documents the in-memory store keeps share one copy of each field name and short value ("tier", "GOLD",
 * "WECHAT"): the wire decoder gives every document its own, and a million customers held some 200 String objects
 * each, most of them repeats, about a quarter of the heap. Bounded: past {@link #LIMIT} distinct strings no new one is kept.
 */
final class SharedStrings {

    static final int LIMIT = 200_000;
    /** Longer values are IDs, names and notes, which rarely repeat. */
    private static final int SHORT = 16;

    private final Map<String, String> shared = new ConcurrentHashMap<>();

    /** Replaces, in place, every field name and short string value of the document (nested ones too) by its shared copy. */
    void share(Document document) {
        List<Map.Entry<String, Object>> entries = new ArrayList<>(document.entrySet());
        document.clear();
        for (Map.Entry<String, Object> entry : entries) {
            document.put(string(entry.getKey()), value(entry.getValue()));
        }
    }

    private Object value(Object value) {
        if (value instanceof Document nested) {
            share(nested);
            return nested;
        }
        if (value instanceof String text && text.length() <= SHORT) {
            return string(text);
        }
        if (value instanceof List<?> list) {
            List<Object> values = new ArrayList<>(list.size());
            list.forEach(element -> values.add(value(element)));
            return values;
        }
        return value;
    }

    private String string(String text) {
        String known = shared.get(text);
        if (known != null) {
            return known;
        }
        if (shared.size() >= LIMIT) {
            return text;
        }
        known = shared.putIfAbsent(text, text);
        return known == null ? text : known;
    }
}
