package dev.strata.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.bwaldvogel.mongo.bson.Document;

/**
 * The working copy an update of one stored document is applied to, holding only the top-level fields the update can
 * read or change, and how its outcome goes back into the stored document. The stock server deep-copied the whole
 * document twice and compared it in full on every update, so pushing one touchpoint onto a customer re-created and
 * walked the whole portrait; fields an operator update names nowhere (nor the selector, nor an index) come out of it
 * equal to what they were, so they are left out of that work and kept as stored.
 */
final class NarrowedUpdate {

    /** Query operators whose field references are not keys (strings, code): a selector holding one is not narrowed. */
    private static final Set<String> OPAQUE = Set.of("$where", "$expr", "$jsonSchema", "$function", "$text", "$accumulator");

    final Document stored;
    final Document work;
    /** Top-level fields the update may change, or null when it is a replacement (or not understood): all of them. */
    private final Set<String> changed;
    /** Top-level fields of the stored document left out of the working copy. */
    private final Set<String> omitted;

    private NarrowedUpdate(Document stored, Document work, Set<String> changed, Set<String> omitted) {
        this.stored = stored;
        this.work = work;
        this.changed = changed;
        this.omitted = omitted;
    }

    /** The working copy for applying {@code update} (matched by {@code selector}) to {@code stored}. */
    static NarrowedUpdate of(Document stored, Document selector, Document update, Set<String> indexed) {
        Set<String> changed = changedFields(update);
        Set<String> needed = changed == null ? null : new HashSet<>(changed);
        if (needed != null && !referencedFields(selector, needed)) {
            needed = null;
        }
        if (needed == null) {
            return new NarrowedUpdate(stored, new Document(stored), changed, Set.of());
        }
        needed.add("_id");
        needed.addAll(indexed);
        Document work = new Document();
        Set<String> omitted = new HashSet<>();
        for (Map.Entry<String, Object> entry : stored.entrySet()) {
            if (needed.contains(entry.getKey())) {
                work.put(entry.getKey(), entry.getValue());
            } else {
                omitted.add(entry.getKey());
            }
        }
        return new NarrowedUpdate(stored, work, changed, omitted);
    }

    /**
     * Writes the working copy's outcome into the stored document, in place and in MongoDB's field order (kept fields
     * where they were, new ones at the end): removed fields go, and a field is replaced only when its value changed,
     * so what the update left equal stays the very object stored before (see {@link IdFirstMemoryBackend}).
     */
    void applyToStored() {
        stored.keySet().removeIf(key -> !omitted.contains(key) && !work.containsKey(key));
        for (Map.Entry<String, Object> entry : work.entrySet()) {
            String key = entry.getKey();
            Object now = entry.getValue();
            if (stored.containsKey(key)) {
                Object was = stored.get(key);
                // An operator update leaves a field it does not name a deep copy of what it was.
                if (was == now || changed != null && !changed.contains(key) || IdFirstMemoryBackend.IdFirstCollection.same(was, now)) {
                    continue;
                }
                if (was instanceof List<?> before && now instanceof List<?> after) {
                    now = sharingUnchanged(before, after);
                }
            }
            stored.put(key, now);
        }
    }

    /**
     * The changed list with each element equal to one it held before replaced by that very element: a push onto a
     * bounded list (the last 20 events or touchpoints of a portrait) comes out of the stock update with every element
     * a fresh deep copy, which the collector then had to copy and promote as new data on every push. Elements are
     * matched in order, allowing for inserted ones and for one dropped between two kept ones (a push with a sort and
     * a slice); stored values are never changed in place, so sharing them is safe.
     */
    static List<Object> sharingUnchanged(List<?> before, List<?> after) {
        List<Object> shared = new ArrayList<>(after.size());
        int next = 0;
        for (Object element : after) {
            Object kept = element;
            for (int i = next; i < Math.min(before.size(), next + 2); i++) {
                if (IdFirstMemoryBackend.IdFirstCollection.same(before.get(i), element)) {
                    kept = before.get(i);
                    next = i + 1;
                    break;
                }
            }
            shared.add(kept);
        }
        return shared;
    }

    /** Top-level fields an operator update names (both sides of a {@code $rename}); null for anything else. */
    static Set<String> changedFields(Document update) {
        if (update.isEmpty()) {
            return null;
        }
        Set<String> fields = new HashSet<>();
        for (Map.Entry<String, Object> entry : update.entrySet()) {
            if (!entry.getKey().startsWith("$") || !(entry.getValue() instanceof Document change)) {
                return null;
            }
            for (Map.Entry<String, Object> path : change.entrySet()) {
                fields.add(topLevel(path.getKey()));
                if (entry.getKey().equals("$rename")) {
                    if (!(path.getValue() instanceof String target)) {
                        return null;
                    }
                    fields.add(topLevel(target));
                }
            }
        }
        return fields;
    }

    /**
     * Adds every top-level field name the selector may read (any key at any depth that is not an operator, a superset);
     * false when it holds an operator whose field references are not keys.
     */
    static boolean referencedFields(Object selector, Set<String> into) {
        if (selector instanceof Document document) {
            for (Map.Entry<String, Object> entry : document.entrySet()) {
                String key = entry.getKey();
                if (key.startsWith("$")) {
                    if (OPAQUE.contains(key)) {
                        return false;
                    }
                } else {
                    into.add(topLevel(key));
                }
                if (!referencedFields(entry.getValue(), into)) {
                    return false;
                }
            }
        } else if (selector instanceof List<?> list) {
            for (Object element : list) {
                if (!referencedFields(element, into)) {
                    return false;
                }
            }
        }
        return true;
    }

    static String topLevel(String path) {
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(0, dot);
    }
}
