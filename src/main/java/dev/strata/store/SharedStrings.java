package dev.strata.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import de.bwaldvogel.mongo.bson.Document;

/**
 * Makes the documents the in-memory store keeps share one copy of each field name and short value ("tier", "GOLD",
 * "WECHAT"): a decoder that gives every document its own left a million customers holding some 200 String objects
 * each, most of them repeats, about a quarter of the heap. The store's wire decoder ({@link SharedBsonDecoder}) hands
 * out these copies as it reads; {@link #share} makes sure of any document. Bounded: past {@link #LIMIT} distinct
 * strings no new one is kept.
 */
final class SharedStrings {

    static final int LIMIT = 200_000;
    /** Longer values are IDs, names and notes, which rarely repeat. */
    static final int SHORT = 16;

    private final Map<String, String> shared = new ConcurrentHashMap<>();

    /**
     * Replaces, in place, every field name and short string value of the document (nested ones too) by its shared copy.
     * A document decoded by {@link SharedBsonDecoder} holds shared copies already, and is only checked.
     */
    void share(Document document) {
        if (namesShared(document)) {
            for (Map.Entry<String, Object> entry : document.entrySet()) {
                Object value = entry.getValue();
                Object sharedValue = value(value);
                if (sharedValue != value) {
                    entry.setValue(sharedValue);
                }
            }
            return;
        }
        List<Map.Entry<String, Object>> entries = new ArrayList<>(document.entrySet());
        document.clear();
        for (Map.Entry<String, Object> entry : entries) {
            document.put(string(entry.getKey()), value(entry.getValue()));
        }
    }

    private boolean namesShared(Document document) {
        for (String name : document.keySet()) {
            if (shared.get(name) != name) {
                return false;
            }
        }
        return true;
    }

    /** The value with its strings shared: the same object when nothing in it changed (a list is copied otherwise). */
    private Object value(Object value) {
        if (value instanceof Document nested) {
            share(nested);
            return nested;
        }
        if (value instanceof String text && text.length() <= SHORT) {
            return string(text);
        }
        if (value instanceof List<?> list) {
            List<Object> values = null;
            int index = 0;
            for (Object element : list) {
                Object sharedElement = value(element);
                if (values == null && sharedElement != element) {
                    values = new ArrayList<>(list.size());
                    values.addAll(list.subList(0, index));
                }
                if (values != null) {
                    values.add(sharedElement);
                }
                index++;
            }
            return values == null ? list : values;
        }
        return value;
    }

    /** The shared copy of {@code text}, kept while fewer than {@link #LIMIT} distinct strings are; else {@code text}. */
    String string(String text) {
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
