package dev.strata.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.bwaldvogel.mongo.backend.NumericUtils;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The operator updates the service sends all the time ({@code $set}, {@code $unset}, {@code $inc}, {@code $push} with
 * {@code $each}, {@code $position}, {@code $slice}, {@code $addToSet}, and {@code $pullAll} from a list of strings) on
 * paths through sub-documents, applied straight to the one stored document: the stock update split every path with a
 * regular expression at every step, deep-copied the whole document and compared it in full, the largest cost of moving
 * a journey on. Anything else (another operator, a path through a list, a null or a plain value, an indexed field,
 * paths that overlap, a value of an unexpected type) is left to the stock update, which also gives the errors. A
 * changed sub-document is a copy and every other value is the object stored before: stored values are never changed
 * in place (see {@link IdFirstMemoryBackend}).
 */
final class DirectUpdate {

    /** What applying an update came to. */
    enum Outcome {
        /** Not an update this class applies: nothing was changed. */
        NOT_APPLIED,
        MODIFIED,
        UNMODIFIED
    }

    private static final Set<String> OPERATORS = Set.of("$set", "$unset", "$inc", "$push", "$addToSet", "$pullAll");
    private static final Set<String> PUSH_MODIFIERS = Set.of("$each", "$position", "$slice");
    /** A field that is not there (a stored value may be null). */
    private static final Object ABSENT = new Object();
    /** Marks a path that goes through something other than a sub-document (a null too). */
    private static final Object NOT_REACHABLE = new Object();

    private final Document stored;
    /** New top-level values in the order MongoDB appends new fields, {@link #ABSENT} for a removed one. */
    private final Map<String, Object> changes = new LinkedHashMap<>();
    /** Sub-documents this update made, which it may change further. */
    private final Set<Document> copies = Collections.newSetFromMap(new IdentityHashMap<>());

    private DirectUpdate(Document stored) {
        this.stored = stored;
    }

    /** Applies {@code update} to {@code stored} when it is one this class applies; {@code indexed}: top-level indexed fields. */
    static Outcome apply(Document stored, Document update, Set<String> indexed) {
        List<String[]> paths = paths(update, indexed);
        if (paths == null) {
            return Outcome.NOT_APPLIED;
        }
        DirectUpdate direct = new DirectUpdate(stored);
        int next = 0;
        for (Map.Entry<String, Object> operation : update.entrySet()) {
            for (Object value : ((Document) operation.getValue()).values()) {
                if (!direct.change(operation.getKey(), paths.get(next++), value)) {
                    return Outcome.NOT_APPLIED;
                }
            }
        }
        return direct.write();
    }

    /** Every path of the update split into its fields, or null when the update is not one this class applies. */
    private static List<String[]> paths(Document update, Set<String> indexed) {
        if (update.isEmpty()) {
            return null;
        }
        List<String[]> paths = new ArrayList<>();
        for (Map.Entry<String, Object> operation : update.entrySet()) {
            if (!OPERATORS.contains(operation.getKey()) || !(operation.getValue() instanceof Document fields) || fields.isEmpty()) {
                return null;
            }
            for (String path : fields.keySet()) {
                String[] split = split(path);
                if (split == null || split[0].equals("_id") || indexed.contains(split[0]) || overlaps(split, paths)) {
                    return null;
                }
                paths.add(split);
            }
        }
        return paths;
    }

    /** The fields of a dotted path; null when one is empty, an operator or positional ({@code $}) or a number. */
    static String[] split(String path) {
        int dots = 0;
        for (int i = path.indexOf('.'); i >= 0; i = path.indexOf('.', i + 1)) {
            dots++;
        }
        if (dots == 0) {
            return usable(path) ? new String[] {path} : null;
        }
        String[] fields = new String[dots + 1];
        int start = 0;
        for (int i = 0; i <= dots; i++) {
            int dot = i < dots ? path.indexOf('.', start) : path.length();
            fields[i] = path.substring(start, dot);
            if (!usable(fields[i])) {
                return null;
            }
            start = dot + 1;
        }
        return fields;
    }

    private static boolean usable(String field) {
        if (field.isEmpty() || field.charAt(0) == '$') {
            return false;
        }
        for (int i = 0; i < field.length(); i++) {
            if (!Character.isDigit(field.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the path equals, or is a prefix of, or extends, one already named (MongoDB refuses such updates). */
    private static boolean overlaps(String[] path, List<String[]> others) {
        for (String[] other : others) {
            int common = Math.min(path.length, other.length);
            int i = 0;
            while (i < common && path[i].equals(other[i])) {
                i++;
            }
            if (i == common) {
                return true;
            }
        }
        return false;
    }

    private boolean change(String operator, String[] path, Object value) {
        Object old = read(path);
        if (old == NOT_REACHABLE) {
            return false;
        }
        switch (operator) {
            case "$set" -> {
                if (old != ABSENT && looselyEqual(value, old)) {
                    return true;
                }
                put(path, value);
            }
            case "$unset" -> {
                if (old != ABSENT) {
                    put(path, ABSENT);
                }
            }
            case "$inc" -> {
                if (!(value instanceof Number by) || !(old == ABSENT || old == null || old instanceof Number)) {
                    return false;
                }
                put(path, NumericUtils.addNumbers(old instanceof Number number ? number : Integer.valueOf(0), by));
            }
            case "$push" -> {
                return putComputed(path, pushed(old, value));
            }
            case "$addToSet" -> {
                return putComputed(path, addedToSet(old, value));
            }
            default -> {
                if (old != ABSENT && old != null) {
                    return putComputed(path, pulled(old, value));
                }
            }
        }
        return true;
    }

    /** Puts a computed value; false (nothing put) when there is none: an update left to the stock one. */
    private boolean putComputed(String[] path, List<Object> value) {
        if (value == null) {
            return false;
        }
        put(path, value);
        return true;
    }

    /** The value at the path, {@link #ABSENT}, or {@link #NOT_REACHABLE} when a field on the way is not a sub-document. */
    private Object read(String[] path) {
        Object at = current(path[0]);
        for (int i = 1; i < path.length; i++) {
            if (at == ABSENT) {
                return ABSENT;
            }
            if (!(at instanceof Document document)) {
                return NOT_REACHABLE;
            }
            at = document.containsKey(path[i]) ? document.get(path[i]) : ABSENT;
        }
        return at;
    }

    private Object current(String field) {
        if (changes.containsKey(field)) {
            return changes.get(field);
        }
        return stored.containsKey(field) ? stored.get(field) : ABSENT;
    }

    /** Puts the value ({@link #ABSENT}: removes) at a reachable path, copying the sub-documents on the way once. */
    private void put(String[] path, Object value) {
        if (path.length == 1) {
            changes.put(path[0], value);
            return;
        }
        Document parent = writable(current(path[0]));
        changes.put(path[0], parent);
        for (int i = 1; i < path.length - 1; i++) {
            Document child = writable(parent.containsKey(path[i]) ? parent.get(path[i]) : ABSENT);
            parent.put(path[i], child);
            parent = child;
        }
        String last = path[path.length - 1];
        if (value == ABSENT) {
            parent.remove(last);
        } else {
            parent.put(last, value);
        }
    }

    private Document writable(Object value) {
        if (value instanceof Document document && copies.contains(document)) {
            return document;
        }
        Document copy = value instanceof Document document ? new Document(document) : new Document();
        copies.add(copy);
        return copy;
    }

    /** The list after a {@code $push} exactly as the stock update makes it, or null for what it leaves to the stock one. */
    private static List<Object> pushed(Object old, Object value) {
        List<Object> list = listToGrow(old);
        if (list == null) {
            return null;
        }
        List<?> values = Collections.singletonList(value);
        Integer position = null;
        Integer slice = null;
        if (value instanceof Document push && push.containsKey("$each")) {
            if (!PUSH_MODIFIERS.containsAll(push.keySet()) || !(push.get("$each") instanceof List<?> each)
                    || push.containsKey("$position") && !whole(push.get("$position"))
                    || push.containsKey("$slice") && !whole(push.get("$slice"))) {
                return null;
            }
            values = each;
            position = push.containsKey("$position") ? ((Number) push.get("$position")).intValue() : null;
            slice = push.containsKey("$slice") ? ((Number) push.get("$slice")).intValue() : null;
        }
        int at = position == null ? list.size() : position < 0 ? list.size() + position : Math.min(position, list.size());
        if (at < 0) {
            return null;
        }
        list.addAll(at, values);
        if (slice == null) {
            return list;
        }
        int from = slice < 0 ? Math.max(0, list.size() + slice) : 0;
        int to = slice < 0 ? list.size() : Math.min(slice, list.size());
        return new ArrayList<>(list.subList(from, to));
    }

    /** The list after an {@code $addToSet} (of one value, or {@code $each} of a list) as the stock update makes it, or null. */
    private static List<Object> addedToSet(Object old, Object value) {
        List<Object> list = listToGrow(old);
        if (list == null) {
            return null;
        }
        List<?> values = Collections.singletonList(value);
        if (value instanceof Document add && (add.isEmpty() || add.keySet().iterator().next().equals("$each"))) {
            if (add.size() != 1 || !(add.get("$each") instanceof List<?> each)) {
                return null;
            }
            values = each;
        }
        for (Object element : values) {
            if (!list.contains(element)) {
                list.add(element);
            }
        }
        return list;
    }

    /**
     * The list after a {@code $pullAll} from a list of strings (what the stock update then compares is plain equality),
     * or null for anything else.
     */
    private static List<Object> pulled(Object old, Object value) {
        if (!(old instanceof List<?> existing) || !(value instanceof List<?> values)
                || !existing.stream().allMatch(String.class::isInstance)) {
            return null;
        }
        Set<Object> gone = new HashSet<>(values);
        List<Object> list = new ArrayList<>(existing.size());
        existing.stream().filter(element -> !gone.contains(element)).forEach(list::add);
        return list;
    }

    /** A copy of the list a push or an add goes into (empty for an absent or null field), or null for any other value. */
    private static List<Object> listToGrow(Object old) {
        if (old == ABSENT || old == null) {
            return new ArrayList<>();
        }
        return old instanceof List<?> existing ? new ArrayList<>(existing) : null;
    }

    private static boolean whole(Object value) {
        return value instanceof Integer || value instanceof Long;
    }

    /** Writes the changes into the stored document: changed fields where they were, new ones at the end. */
    private Outcome write() {
        boolean modified = false;
        for (Map.Entry<String, Object> change : changes.entrySet()) {
            String field = change.getKey();
            Object now = change.getValue();
            boolean had = stored.containsKey(field);
            if (now == ABSENT) {
                modified |= had;
                stored.remove(field);
            } else {
                modified |= !had || !looselyEqual(stored.get(field), now);
                stored.put(field, now);
            }
        }
        return modified ? Outcome.MODIFIED : Outcome.UNMODIFIED;
    }

    /** Equal as the stock update compares values: numbers by value whatever their type, fields in the same order. */
    static boolean looselyEqual(Object a, Object b) {
        return SameShape.equal(a, b, DirectUpdate::looselyEqualPlain);
    }

    private static boolean looselyEqualPlain(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        return a instanceof Number x && b instanceof Number y ? normalized(x).equals(normalized(y)) : a.equals(b);
    }

    /** A number as the stock server normalizes it for comparison: a double, unless a long it cannot hold exactly. */
    private static Object normalized(Number number) {
        if (number instanceof Long value && value != (long) value.doubleValue()) {
            return value;
        }
        double value = number.doubleValue();
        return value == 0 ? 0.0 : value;
    }
}
